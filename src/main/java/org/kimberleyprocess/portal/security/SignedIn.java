package org.kimberleyprocess.portal.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where and when a session was signed in, kept in the session: for the person's list of their
 * sessions, and for the session's lifetime, which runs from the sign-in by the portal's clock.
 */
record SignedIn(Instant at, Device device, String address) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String ATTRIBUTE = "kp.signedIn";

	/** In English, for the audit trail: the session's device and address, never its identifier. */
	String describe() {
		return this.device.describe() + " from " + this.address + ", signed in " + this.at;
	}

}
