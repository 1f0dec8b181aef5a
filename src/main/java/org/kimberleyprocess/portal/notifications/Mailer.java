package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;

/**
 * Sends queued email. Each node takes a batch of due messages with {@code FOR UPDATE SKIP
 * LOCKED}, so no message goes twice; a failure is tried again after 1, 5, 15, 60 and 240
 * minutes, then the message is marked failed and listed for administrators, who may retry it.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1), Duration.ofHours(4));

	private final JdbcTemplate jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final Clock clock;

	private static final int BATCH = 100;

	private final String from;

	private final TransactionTemplate transactions;

	private final Readers readers;

	private final NotificationPolicy policy;

	Mailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, Clock clock, TransactionTemplate transactions,
			@Value("${portal.mail.from:Kimberley Process portal <no-reply@kimberleyprocess.example>}") String from,
			Readers readers, NotificationPolicy policy) {
		this.readers = readers;
		this.policy = policy;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
	}

	/** Sends what is due, batch after batch (each in its own transaction), until nothing is left. */
	@Scheduled(fixedDelayString = "${portal.mail.send-interval:PT30S}",
			initialDelayString = "${portal.mail.send-interval:PT30S}")
	public int deliverDue() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		for (int batch = 0; batch < 50; batch++) {
			int[] outcome = this.transactions.execute((status) -> sendBatch(mail));
			sent += outcome[0];
			if (outcome[1] < BATCH) {
				break;
			}
		}
		return sent;
	}

	/**
	 * Whether the recipient, as the reader they are now, may still open everything the email is
	 * about: rights can end between queueing and sending (or a later retry), and an email about
	 * what its recipient may no longer open is withdrawn, not sent.
	 */
	private boolean stillReadable(Reader recipient, String aboutLinks) {
		if (recipient == null) {
			return false;
		}
		if (aboutLinks == null || aboutLinks.isBlank()) {
			return true;
		}
		List<String> links = List.of(aboutLinks.split("\n"));
		return this.policy.openable(recipient, links).containsAll(links);
	}

	/** Sends one batch; answers how many were sent and how many were tried. */
	private int[] sendBatch(JavaMailSender mail) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Map<String, Object>> due = this.jdbc.queryForList("""
				SELECT id, account_id, recipient, subject, text_body, html_body, attempts, about_links, purpose FROM outgoing_email
				WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", now, BATCH);
		Map<Long, Reader> recipients = new HashMap<>();
		this.readers.ofAccounts(due.stream().map((email) -> ((Number) email.get("account_id")).longValue()).toList())
			.forEach((reader) -> recipients.put(reader.accountId(), reader));
		int sent = 0;
		for (Map<String, Object> email : due) {
			long id = ((Number) email.get("id")).longValue();
			// An invitation or a reset link goes to someone who is not (yet) a reader: its link is all it holds.
			boolean accountEmail = email.get("purpose") != null;
			if (!accountEmail && !stillReadable(recipients.get(((Number) email.get("account_id")).longValue()),
					(String) email.get("about_links"))) {
				this.jdbc.update("UPDATE outgoing_email SET status = 'WITHDRAWN' WHERE id = ?", id);
				continue;
			}
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(this.from);
				helper.setTo((String) email.get("recipient"));
				helper.setSubject((String) email.get("subject"));
				helper.setText((String) email.get("text_body"), (String) email.get("html_body"));
				mail.send(message);
				this.jdbc.update("UPDATE outgoing_email SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
						now, id);
				if (accountEmail) {
					// Its link opens an account until used or expired: once sent, the portal keeps no copy.
					this.jdbc.update("UPDATE outgoing_email SET text_body = '', html_body = '' WHERE id = ?", id);
				}
				sent++;
			}
			catch (Exception ex) {
				int attempts = ((Number) email.get("attempts")).intValue() + 1;
				String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				if (attempts > BACKOFF.size()) {
					log.warn("Giving up email {} after {} attempts: {}", id, attempts, error);
					this.jdbc.update("UPDATE outgoing_email SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
							attempts, limit(error), id);
				}
				else {
					this.jdbc.update(
							"UPDATE outgoing_email SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
							attempts, now.plus(BACKOFF.get(attempts - 1)), limit(error), id);
				}
			}
		}
		return new int[] { sent, due.size() };
	}

	private static String limit(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
	}

}
