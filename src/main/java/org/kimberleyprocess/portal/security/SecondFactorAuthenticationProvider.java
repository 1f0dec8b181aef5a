package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

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
		String address = (typed.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		Optional<Duration> wait = this.throttle.admit(user.getUsername(), address);
		if (wait.isPresent()) {
			throw new ThrottledAuthenticationProvider.SignInThrottledException(wait.get());
		}
		Verification verification = this.secondFactors.verify(user.id(), (String) typed.getCredentials());
		if (!verification.accepted()) {
			this.throttle.recordFailure(user.getUsername(), address);
			throw new BadCredentialsException("Wrong code");
		}
		this.throttle.reset(user.getUsername(), address);
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
