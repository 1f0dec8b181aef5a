package org.kimberleyprocess.portal.security;

/**
 * Published when the portal ends a signed-in session before its holder signs out of it: the audit
 * trail keeps it. The session is described by its device, address and sign-in time; its
 * identifier, which would let anyone act in it, is never passed on.
 */
public record SessionEnded(String username, Reason reason, String session) {

	public enum Reason {

		/** The holder ended it from the list of their sessions. */
		ENDED_BY_HOLDER("Ended by its holder"),
		/** The password was changed or reset, or the account deactivated. */
		CREDENTIALS_CHANGED("Ended because the account's password changed or the account was deactivated"),
		/** It was signed in longer than the lifetime its roles allow. */
		LIFETIME_REACHED("Ended at the end of its lifetime");

		private final String summary;

		Reason(String summary) {
			this.summary = summary;
		}

		/** In English, as the audit trail writes. */
		public String summary() {
			return this.summary;
		}

	}

}
