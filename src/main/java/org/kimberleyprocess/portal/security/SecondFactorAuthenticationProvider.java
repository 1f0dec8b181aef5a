package org.kimberleyprocess.portal.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.SecondFactors;
import org.kimberleyprocess.portal.directory.SecondFactors.Verification;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * Checks the second step's code, under the same throttle as passwords, and on success gives the
 * second factor's authority; Spring Security's multi-factor support adds the password's.
 */
class SecondFactorAuthenticationProvider implements AuthenticationProvider {

	private final SecondFactors secondFactors;

	private final SignInThrottle throttle;

	private final PortalClock clock;

	SecondFactorAuthenticationProvider(SecondFactors secondFactors, SignInThrottle throttle, PortalClock clock) {
		this.secondFactors = secondFactors;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SecondFactorCode typed = (SecondFactorCode) authentication;
		PortalUser user = typed.getPrincipal();
		if (this.throttle.lockedUntil(user.getUsername()).isPresent()) {
			throw new LockedException("Too many failed sign-ins");
		}
		Verification verification = this.secondFactors.verify(user.id(), (String) typed.getCredentials());
		if (!verification.accepted()) {
			this.throttle.recordFailure(user.getUsername());
			throw new BadCredentialsException("Wrong code");
		}
		this.throttle.reset(user.getUsername());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(FactorGrantedAuthority.withAuthority(SecondFactorRequirement.AUTHORITY)
					.issuedAt(this.clock.wallClock().instant())
					.build()));
		result.setDetails(verification);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SecondFactorCode.class.isAssignableFrom(authentication);
	}

}
