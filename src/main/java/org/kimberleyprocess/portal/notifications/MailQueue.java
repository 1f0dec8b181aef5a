package org.kimberleyprocess.portal.notifications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much email waits to go out: what operators watch, since a queue that only grows means the
 * SMTP server refuses or cannot be reached (see {@link Mailer} for the retries).
 */
@Component
public class MailQueue {

	private final JdbcTemplate jdbc;

	MailQueue(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One query over the queue's index: the messages waiting, the oldest of them, and those given up. */
	public Backlog backlog() {
		return this.jdbc.queryForObject("""
				SELECT COALESCE(SUM(status = 'PENDING'), 0) AS pending,
				       MIN(CASE WHEN status = 'PENDING' THEN created_at END) AS oldest,
				       COALESCE(SUM(status = 'FAILED'), 0) AS failed
				FROM outgoing_email WHERE status IN ('PENDING', 'FAILED')""",
				(rows, number) -> new Backlog(rows.getLong("pending"),
						utc(rows.getObject("oldest", LocalDateTime.class)), rows.getLong("failed")));
	}

	private static Instant utc(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

	/**
	 * The queue at one moment: messages waiting (including those waiting for a retry), when the
	 * oldest of them was queued (by the portal's clock; null when none waits), and messages given
	 * up after every retry, which wait for an administrator at {@code /admin/emails}.
	 */
	public record Backlog(long pending, Instant oldestPending, long failed) {
	}

}
