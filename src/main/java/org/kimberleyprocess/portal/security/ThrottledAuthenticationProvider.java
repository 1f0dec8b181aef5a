package org.kimberleyprocess.portal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks the password only for usernames that are not locked by the throttle, and gives the same
 * answer for a wrong password, an unknown username and a deactivated account.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwordCheck;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, SignInThrottle throttle) {
		this.passwordCheck = passwordCheck;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		if (this.throttle.lockedUntil(username).isPresent()) {
			throw new LockedException("Too many failed sign-ins");
		}
		try {
			Authentication result = this.passwordCheck.authenticate(authentication);
			this.throttle.reset(username);
			return result;
		}
		catch (BadCredentialsException | DisabledException ex) {
			this.throttle.recordFailure(username);
			throw new BadCredentialsException("Bad credentials");
		}
		catch (AuthenticationException ex) {
			this.throttle.recordFailure(username);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
