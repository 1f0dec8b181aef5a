package org.kimberleyprocess.portal.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.TestMailServer;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled jobs run on one node at a time: the schedule's methods take the job's row in the
 * {@code shedlock} table, as every node's scheduler calls them.
 */
@PortalTest
class ScheduledJobLocksTest {

	@Autowired
	NotificationSchedule schedule;

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PortalClock clock;

	@Test
	void twoRunsOfTheMailJobAtTheSameMomentSendAnEmailOnce() throws Exception {
		release("mail-delivery");
		// What other tests left in the queue goes now, so the runs below have this email alone to send.
		this.mailer.deliverDue();
		String subject = "Sent once by one of two runs " + System.nanoTime();
		long email = queue(subject);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try (Connection held = this.dataSource.getConnection()) {
			// The email's row is held here, so the run that takes the job's lock stops at its claim
			// until this transaction ends; a run that went past the lock without it would stop there too.
			held.setAutoCommit(false);
			try (PreparedStatement lock = held.prepareStatement("SELECT id FROM outgoing_email WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, email);
				lock.executeQuery().close();
			}
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Void>> runs = List.of(run(nodes, start), run(nodes, start));
			start.countDown();
			await().atMost(Duration.ofSeconds(20)).until(() -> runs.stream().filter(CompletableFuture::isDone).count() == 1);
			// The one that returned found the lock taken; the other still waits for the email's row.
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> runs.stream().filter(CompletableFuture::isDone).count() == 1);
			assertThat(sentWith(subject)).isZero();
			held.rollback();
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT status FROM outgoing_email WHERE id = ?", String.class, email))
			.isEqualTo("SENT");
		assertThat(sentWith(subject)).isEqualTo(1);
		// Taken by the run, in the database's time, and not yet free: the lock outlasts the run a little.
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM shedlock WHERE name = 'mail-delivery' AND locked_by <> 'test'
				AND lock_until > locked_at AND locked_at > TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(3))""", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aJobWhoseLockAnotherNodeHoldsDoesNotRunUntilItIsReleased() {
		release("daily-digest");
		long account = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'guest-gga'", Long.class);
		LocalDateTime yesterday = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		// A link no one may open: the digest marks it and queues no email for it.
		this.jdbc.update("""
				INSERT INTO notification (account_id, type, arguments, link, delivery, created_at)
				VALUES (?, 'DOCUMENT_CIRCULATED', '', '/documents/0', 'DIGEST', ?)""", account, yesterday);
		long notification = this.jdbc.queryForObject("SELECT MAX(id) FROM notification WHERE account_id = ?", Long.class,
				account);
		this.jdbc.update("""
				UPDATE shedlock SET lock_until = TIMESTAMPADD(MINUTE, 5, UTC_TIMESTAMP(3)), locked_at = UTC_TIMESTAMP(3),
				    locked_by = 'another-node' WHERE name = 'daily-digest'""");
		this.schedule.sendDigests();
		assertThat(digested(notification)).isFalse();
		release("daily-digest");
		this.schedule.sendDigests();
		assertThat(digested(notification)).isTrue();
	}

	/** Makes the job's lock free now, as if its last run had ended long ago; creates its row if need be. */
	private void release(String job) {
		this.jdbc.update("""
				INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
				VALUES (?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'test')
				ON DUPLICATE KEY UPDATE lock_until = UTC_TIMESTAMP(3)""", job);
	}

	private long queue(String subject) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at, about_links)
				SELECT id, email, 'en', ?, 'x', '<p>x</p>', 'PENDING', 0, ?, ?, '' FROM account WHERE username = 'hod-bw'""",
				subject, now, now);
		return this.jdbc.queryForObject("SELECT id FROM outgoing_email WHERE subject = ?", Long.class, subject);
	}

	private CompletableFuture<Void> run(ExecutorService node, CountDownLatch start) {
		return CompletableFuture.runAsync(() -> {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.schedule.deliverMail();
		}, node);
	}

	private static long sentWith(String subject) {
		return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter((message) -> {
			try {
				return subject.equals(((MimeMessage) message).getSubject());
			}
			catch (Exception ex) {
				return false;
			}
		}).count();
	}

	private boolean digested(long notification) {
		return this.jdbc.queryForObject("SELECT digested_at IS NOT NULL FROM notification WHERE id = ?", Boolean.class,
				notification);
	}

}
