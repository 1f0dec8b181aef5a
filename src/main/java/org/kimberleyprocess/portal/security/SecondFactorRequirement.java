package org.kimberleyprocess.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import org.kimberleyprocess.portal.directory.PortalUser;

/**
 * The rule added to every authorisation: a person who needs a second factor (by a role they hold
 * now, or because they enrolled one) has access only once the sign-in has both factors. A
 * refusal names the missing factor, so Spring Security sends the person to the code step.
 */
final class SecondFactorRequirement implements AuthorizationManager<Object> {

	/** The factor an authenticator app's code, or a recovery code, gives. */
	static final String AUTHORITY = "FACTOR_TOTP";

	private final AllAuthoritiesAuthorizationManager<Object> bothFactors = AllAuthoritiesAuthorizationManager
		.hasAllAuthorities(FactorGrantedAuthority.PASSWORD_AUTHORITY, AUTHORITY);

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			Object object) {
		return pending(authentication.get()) ? this.bothFactors.authorize(authentication, object)
				: new AuthorizationDecision(true);
	}

	/** For pages anyone may read: a visitor reads them signed out; a signed-in person, with both factors. */
	AuthorizationManager<Object> orAnonymous() {
		return (authentication, object) -> {
			Authentication current = authentication.get();
			return (current == null || current instanceof AnonymousAuthenticationToken) ? new AuthorizationDecision(true)
					: authorize(authentication, object);
		};
	}

	/**
	 * For changes to how a person signs in (a new authenticator, new recovery codes, turning the
	 * factor off): every factor the sign-in has must have been given within the window, so a
	 * session left open cannot change them (ASVS 7.5.1). An expired factor sends the person to
	 * give it again, then back. The clock is the real one: Spring Security dates the password's
	 * factor by it.
	 */
	static AuthorizationManager<Object> recentFactors(Duration window, Clock clock) {
		AllRequiredFactorsAuthorizationManager<Object> password = AllRequiredFactorsAuthorizationManager.builder()
			.requireFactor((factor) -> factor.passwordAuthority().validDuration(window))
			.build();
		password.setClock(clock);
		AllRequiredFactorsAuthorizationManager<Object> both = AllRequiredFactorsAuthorizationManager.builder()
			.requireFactor((factor) -> factor.passwordAuthority().validDuration(window))
			.requireFactor((factor) -> factor.authority(AUTHORITY).validDuration(window))
			.build();
		both.setClock(clock);
		return (authentication, object) -> {
			Authentication current = authentication.get();
			if (current == null || !(current.getPrincipal() instanceof PortalUser user)) {
				return new AuthorizationDecision(false);
			}
			return (user.secondFactorEnrolled() ? both : password).authorize(authentication, object);
		};
	}

	/** Whether this sign-in still lacks a factor its person needs. */
	static boolean pending(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof PortalUser user
				&& user.needsSecondFactor() && !hasSecondFactor(authentication);
	}

	static boolean hasSecondFactor(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> AUTHORITY.equals(a.getAuthority()));
	}

}
