package org.kimberleyprocess.portal;

import java.security.InvalidKeyException;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app of the demo accounts whose role needs a second factor: the key the
 * README prints, and the code an app would show for it at a given moment.
 */
public final class DemoAuthenticator {

	public static final String SECRET = "KIMBERLEYPROCESSDEMOSECRET234567";

	private DemoAuthenticator() {
	}

	public static String codeAt(String secret, Instant at) {
		TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
		try {
			return totp.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()),
					at);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String codeNow() {
		return codeAt(SECRET, Instant.now());
	}

}
