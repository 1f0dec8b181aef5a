package org.kimberleyprocess.portal.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The single-use, expiring links that open an account (an invitation) or recover it (a password
 * reset), kept in the database by Spring Security's {@link JdbcOneTimeTokenService}, so a link
 * works on every node and once only. Each token is stored under its purpose and account
 * ({@code invite:<username>}, {@code reset:<username>}): a link made for one purpose is not found
 * for the other. Opening a link only reads; using it (the form's submission) consumes it.
 * Tokens are never logged, and no entity holds one, so the audit trail cannot show them.
 */
@Component
class OneTimeLinks {

	/** What a link is for; the prefix of the token's username column. */
	enum Purpose {

		INVITATION("invite:"), PASSWORD_RESET("reset:");

		private final String prefix;

		Purpose(String prefix) {
			this.prefix = prefix;
		}

		String key(String username) {
			return this.prefix + username;
		}

	}

	/** Where a link stands when it is opened. */
	enum Status {

		VALID, EXPIRED, USED, UNKNOWN

	}

	/** A link as found: its status, and for a valid or expired one the account it is for and until when. */
	record Found(Status status, String username, Instant expiresAt) {

		static final Found USED = new Found(Status.USED, null, null);

		static final Found UNKNOWN = new Found(Status.UNKNOWN, null, null);

		boolean valid() {
			return this.status == Status.VALID;
		}

	}

	/** The form JdbcOneTimeTokenService gives its tokens (a random UUID); anything else is not looked up. */
	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final JdbcOneTimeTokenService tokens;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration keepExpired;

	OneTimeLinks(JdbcTemplate jdbc, Clock clock,
			@Value("${portal.one-time-links.keep-expired:P7D}") Duration keepExpired) throws Exception {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keepExpired = keepExpired;
		this.tokens = new JdbcOneTimeTokenService(jdbc);
		// Its own hourly clean-up compares with the system's time, not the portal's clock (the demo
		// runs in 2016, so it would delete every link): it is stopped, and cleanUp() runs instead.
		this.tokens.destroy();
		this.tokens.setCleanupCron(null);
		this.tokens.setClock(clock);
	}

	/**
	 * A new link for the account, valid for the given time. The earlier links of the same purpose
	 * for the account stop working: only the latest one sent opens it.
	 */
	String issue(Purpose purpose, String username, Duration validity) {
		revoke(purpose, username);
		return this.tokens.generate(new GenerateOneTimeTokenRequest(purpose.key(username), validity)).getTokenValue();
	}

	/** Reads, and writes nothing: what opening the link shows. */
	Found find(Purpose purpose, String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Found.UNKNOWN;
		}
		List<Found> found = this.jdbc.query("SELECT username, expires_at FROM one_time_tokens WHERE token_value = ?",
				(row, number) -> {
					String key = row.getString(1);
					Instant expiresAt = row.getTimestamp(2).toInstant();
					if (!key.startsWith(purpose.prefix)) {
						return Found.UNKNOWN;
					}
					Status status = this.clock.instant().isAfter(expiresAt) ? Status.EXPIRED : Status.VALID;
					return new Found(status, key.substring(purpose.prefix.length()), expiresAt);
				}, token);
		if (!found.isEmpty()) {
			return found.get(0);
		}
		Integer spent = this.jdbc.queryForObject("SELECT COUNT(*) FROM one_time_token_spent WHERE token_hash = ?",
				Integer.class, digest(purpose, token));
		return (spent != null && spent > 0) ? Found.USED : Found.UNKNOWN;
	}

	/**
	 * Uses the link: answers the account it was for, once. A link of another purpose is left as
	 * it was; a used, expired or unknown one answers nothing. Called inside the transaction that
	 * acts on the account, so a refusal after it (a password the rules turn down) leaves the link
	 * as it was.
	 */
	Optional<String> consume(Purpose purpose, String token) {
		if (!find(purpose, token).valid()) {
			return Optional.empty();
		}
		OneTimeToken used = this.tokens.consume(new OneTimeTokenAuthenticationToken(token));
		if (used == null) {
			return Optional.empty();
		}
		if (!used.getUsername().startsWith(purpose.prefix)) {
			throw new IllegalStateException("A link changed its purpose while being used");
		}
		this.jdbc.update("INSERT IGNORE INTO one_time_token_spent (token_hash, spent_at) VALUES (?, ?)", digest(purpose, token),
				Timestamp.from(this.clock.instant()));
		return Optional.of(used.getUsername().substring(purpose.prefix.length()));
	}

	/** The account's links of this purpose stop working, as when its invitation is withdrawn. */
	void revoke(Purpose purpose, String username) {
		this.jdbc.update("DELETE FROM one_time_tokens WHERE username = ?", purpose.key(username));
	}

	/**
	 * Forgets links expired a while ago (until then, opening one says it has expired) and, after a
	 * month, which links were used. On every node alike, without a scheduler lock: deleting twice
	 * does no harm, and on Galera, where two nodes deleting the same rows at once conflict at
	 * certification, the node retries its statement (wsrep_retry_autocommit) or the next run deletes
	 * what is left.
	 */
	@Scheduled(cron = "${portal.one-time-links.clean-up-cron:0 23 * * * *}")
	public void cleanUp() {
		Instant now = this.clock.instant();
		this.jdbc.update("DELETE FROM one_time_tokens WHERE expires_at < ?", Timestamp.from(now.minus(this.keepExpired)));
		this.jdbc.update("DELETE FROM one_time_token_spent WHERE spent_at < ?",
				Timestamp.from(now.minus(Duration.ofDays(30))));
	}

	/** Kept per purpose, so a used invitation is not reported as a used reset link. */
	private static String digest(Purpose purpose, String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((purpose.prefix + token).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
