package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;

/**
 * Sends queued email. A run claims a batch of due messages (its claim written on the rows and
 * committed) before it sends any, and only the run that claimed a message sends it, so none goes
 * twice on any number of nodes, Galera included, where a row lock taken on one node does not stop
 * another node from reading the same rows. A claim pushes the message's next attempt past the
 * time a batch may take, so what a node claimed and did not finish (it stopped) is due again
 * then; a message that node had already handed to the SMTP server goes a second time in that case
 * only. A failure is tried again after 1, 5, 15, 60 and 240 minutes, then the message is marked
 * failed and listed for administrators, who may retry it.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1), Duration.ofHours(4));

	/** Longer than sending a batch takes, slow SMTP server included. */
	static final Duration CLAIM = Duration.ofMinutes(15);

	private static final int BATCH = 100;

	private final JdbcTemplate jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final Clock clock;

	private final String from;

	private final Readers readers;

	private final NotificationPolicy policy;

	Mailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, Clock clock,
			@Value("${portal.mail.from:Kimberley Process portal <no-reply@kimberleyprocess.example>}") String from,
			Readers readers, NotificationPolicy policy) {
		this.readers = readers;
		this.policy = policy;
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
	}

	/**
	 * Sends what is due, batch after batch, until nothing is left (every 30 seconds, on one node at
	 * a time: {@link NotificationSchedule}). Answers how many were sent.
	 */
	public int deliverDue() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		for (int batch = 0; batch < 50; batch++) {
			LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			List<Map<String, Object>> claimed = claim(now);
			sent += send(mail, claimed, now);
			if (claimed.size() < BATCH) {
				break;
			}
		}
		return sent;
	}

	/**
	 * Claims up to a batch of due messages, in a statement that commits on its own before any is
	 * sent. Another run claiming at the same moment waits for this one's row locks and then finds
	 * the rows no longer due; on Galera, where it does not wait, the two claims conflict at
	 * certification, the second is retried once by the node (wsrep_retry_autocommit) and, should it
	 * fail again, this run claims nothing and the next one tries again. Taken in the order of the
	 * queue's index (status, next attempt), so the statement locks the due rows only.
	 */
	private List<Map<String, Object>> claim(LocalDateTime now) {
		String claim = UUID.randomUUID().toString();
		try {
			this.jdbc.update("""
					UPDATE outgoing_email SET claim = ?, next_attempt_at = ?
					WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?""", claim,
					now.plus(CLAIM), now, BATCH);
		}
		catch (ConcurrencyFailureException ex) {
			log.info("Another node is claiming email at the same moment; trying again at the next run: {}", ex.getMessage());
			return List.of();
		}
		return this.jdbc.queryForList("""
				SELECT id, account_id, recipient, subject, text_body, html_body, attempts, about_links, purpose, claim
				FROM outgoing_email WHERE claim = ? AND status = 'PENDING' ORDER BY id""", claim);
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

	/**
	 * Sends the claimed messages one by one; each one's outcome is written (and committed) as soon
	 * as it is known, so a later failure in the batch cannot undo the record that a message went.
	 * Answers how many were sent.
	 */
	private int send(JavaMailSender mail, List<Map<String, Object>> claimed, LocalDateTime now) {
		if (claimed.isEmpty()) {
			return 0;
		}
		Map<Long, Reader> recipients = new HashMap<>();
		this.readers.ofAccounts(claimed.stream().map((email) -> ((Number) email.get("account_id")).longValue()).toList())
			.forEach((reader) -> recipients.put(reader.accountId(), reader));
		int sent = 0;
		for (Map<String, Object> email : claimed) {
			long id = ((Number) email.get("id")).longValue();
			String claim = (String) email.get("claim");
			// An invitation or a reset link goes to someone who is not (yet) a reader: its link is all it holds.
			boolean accountEmail = email.get("purpose") != null;
			if (!accountEmail && !stillReadable(recipients.get(((Number) email.get("account_id")).longValue()),
					(String) email.get("about_links"))) {
				this.jdbc.update("UPDATE outgoing_email SET status = 'WITHDRAWN', claim = NULL WHERE id = ? AND claim = ?",
						id, claim);
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
			}
			catch (Exception ex) {
				failed(email, ex, now);
				continue;
			}
			// An account email's link opens an account until used or expired: once sent, the portal
			// keeps no copy, erased in the same statement that records the sending.
			this.jdbc.update("""
					UPDATE outgoing_email SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claim = NULL,
					    text_body = IF(purpose IS NULL, text_body, ''), html_body = IF(purpose IS NULL, html_body, '')
					WHERE id = ? AND claim = ?""", now, id, claim);
			sent++;
		}
		return sent;
	}

	private void failed(Map<String, Object> email, Exception ex, LocalDateTime now) {
		long id = ((Number) email.get("id")).longValue();
		int attempts = ((Number) email.get("attempts")).intValue() + 1;
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (attempts > BACKOFF.size()) {
			log.warn("Giving up email {} after {} attempts: {}", id, attempts, error);
			this.jdbc.update(
					"UPDATE outgoing_email SET status = 'FAILED', attempts = ?, last_error = ?, claim = NULL WHERE id = ? AND claim = ?",
					attempts, limit(error), id, email.get("claim"));
		}
		else {
			this.jdbc.update("""
					UPDATE outgoing_email SET attempts = ?, next_attempt_at = ?, last_error = ?, claim = NULL
					WHERE id = ? AND claim = ?""", attempts, now.plus(BACKOFF.get(attempts - 1)), limit(error), id,
					email.get("claim"));
		}
	}

	private static String limit(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
	}

}
