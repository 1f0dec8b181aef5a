package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the password only when the throttle admits the attempt from this client address, and
 * gives the same answer for a wrong password, an unknown username and a deactivated account.
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
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Optional<Duration> wait = this.throttle.admit(username, address);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		try {
			Authentication result = this.passwordCheck.authenticate(authentication);
			this.throttle.reset(username, address);
			return result;
		}
		catch (BadCredentialsException | DisabledException ex) {
			this.throttle.recordFailure(username, address);
			throw new BadCredentialsException("Bad credentials");
		}
		catch (AuthenticationException ex) {
			this.throttle.recordFailure(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The attempt was not checked: too many failed before it. Says how long to wait. */
	static final class SignInThrottledException extends LockedException {

		private final Duration wait;

		SignInThrottledException(Duration wait) {
			super("Too many failed sign-ins");
			this.wait = wait;
		}

		/** The wait in whole seconds, rounded up. */
		long waitSeconds() {
			return Math.max(1, (this.wait.toMillis() + 999) / 1000);
		}

	}

}
