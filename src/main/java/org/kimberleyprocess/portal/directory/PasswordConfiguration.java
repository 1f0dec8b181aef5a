package org.kimberleyprocess.portal.directory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * New hashes: PBKDF2-HMAC-SHA256 with a 16-byte salt and the 600,000 iterations OWASP's
	 * password storage guidance asks for. It reads the whole password, however long (bcrypt reads
	 * 72 bytes only); NIST approves it for passwords (SP 800-132), which some governments require;
	 * the JDK implements it, so no further library is needed; and it needs no memory per hash, so
	 * many sign-ins at once cost processor time but cannot exhaust the heap as Argon2 could.
	 * The hash does not record the iteration count, so the id names it: to raise it, add an encoder
	 * under a new id and make that the default; stored hashes keep working and are replaced at the
	 * holder's next sign-in.
	 */
	static final String PBKDF2 = "pbkdf2-sha256-600000";

	static final String BCRYPT = "bcrypt";

	/** The algorithm is recorded in each hash, so hashes made before the current default still match. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(PBKDF2,
				Map.of(PBKDF2, new Pbkdf2PasswordEncoder("", 16, 600_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
						BCRYPT, new StoredBcrypt()));
	}

	/**
	 * The bcrypt hashes stored before PBKDF2 (the demo accounts', and any account that has not
	 * signed in since), checked but never made. bcrypt ignores everything after a password's first
	 * 72 bytes, and no stored hash can come from a longer password (encoding one is refused), so a
	 * longer password is simply not the right one: otherwise a wrong password that begins with the
	 * right 72 bytes would match.
	 */
	static final class StoredBcrypt implements PasswordEncoder {

		static final int BCRYPT_LIMIT = 72;

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("New passwords are hashed with " + PBKDF2);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return rawPassword != null
					&& rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_LIMIT
					&& this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
