package org.kimberleyprocess.portal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The email the portal queued for an account, read from its queue as the mailer would send it:
 * for tests that follow an invitation's or a password reset's link as its recipient would.
 */
public final class Mailbox {

	public static final String INVITATION = "INVITATION";

	public static final String PASSWORD_RESET = "PASSWORD_RESET";

	private static final Pattern LINK = Pattern
		.compile("https?://[^/\\s]+(/(?:invitations|password-reset)/[0-9a-f]{8}-[0-9a-f-]{27})");

	private Mailbox() {
	}

	/** How many emails of this purpose were queued for the account. */
	public static int count(JdbcTemplate jdbc, String username, String purpose) {
		return jdbc.queryForObject("""
				SELECT COUNT(*) FROM outgoing_email e JOIN account a ON a.id = e.account_id
				WHERE a.username = ? AND e.purpose = ?""", Integer.class, username, purpose);
	}

	/** The text of the latest email of this purpose queued for the account. */
	public static String latest(JdbcTemplate jdbc, String username, String purpose) {
		List<String> bodies = jdbc.queryForList("""
				SELECT e.text_body FROM outgoing_email e JOIN account a ON a.id = e.account_id
				WHERE a.username = ? AND e.purpose = ? ORDER BY e.id DESC LIMIT 1""", String.class, username, purpose);
		if (bodies.isEmpty()) {
			throw new AssertionError("No " + purpose + " email was queued for " + username);
		}
		return bodies.get(0);
	}

	/** The link (as a path of the portal) in the latest email of this purpose queued for the account. */
	public static String latestLink(JdbcTemplate jdbc, String username, String purpose) {
		Matcher link = LINK.matcher(latest(jdbc, username, purpose));
		if (!link.find()) {
			throw new AssertionError("The " + purpose + " email of " + username + " holds no link");
		}
		return link.group(1);
	}

	/** The token at the end of such a link. */
	public static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

}
