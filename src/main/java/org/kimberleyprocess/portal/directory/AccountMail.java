package org.kimberleyprocess.portal.directory;

import java.time.Instant;
import java.util.Set;

import org.kimberleyprocess.portal.shared.Localized;

/**
 * The email that opens or recovers an account: an invitation, a link to reset the password. Its
 * recipient is not (yet) a reader of the portal, and its link is the only way in. The directory
 * asks for it through this interface, which the notifications module implements (it queues and
 * sends all email), so the directory does not depend on notifications. Queued in the caller's
 * transaction: an invitation that rolls back sends nothing.
 */
public interface AccountMail {

	void sendInvitation(Invitation invitation);

	void sendPasswordReset(PasswordReset reset);

	/**
	 * An invitation to {@code link} (a path of the portal), valid until {@code expiresAt}, from the
	 * person who sent it, to hold these roles in that organisation.
	 */
	record Invitation(long accountId, String email, String fullName, String language, String username,
			String invitedBy, Localized invitedByOrganisation, Localized organisation, Set<Role> roles, String link,
			Instant expiresAt) {

		/** Without the link, which opens the account. */
		@Override
		public String toString() {
			return "Invitation[account " + this.accountId + ", " + this.username + "]";
		}

	}

	/**
	 * A link ({@code link}, a path of the portal) to choose a new password, valid until
	 * {@code expiresAt}; {@code byAdministrator} when an administrator sent it rather than the
	 * person asking for it.
	 */
	record PasswordReset(long accountId, String email, String fullName, String language, String username,
			String link, Instant expiresAt, boolean byAdministrator) {

		/** Without the link, which opens the account. */
		@Override
		public String toString() {
			return "PasswordReset[account " + this.accountId + ", " + this.username + "]";
		}

	}

}
