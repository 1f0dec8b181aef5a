package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries.Contact;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;

/**
 * The daily digest: once a day has ended (UTC), each person who chose the digest for some
 * types gets one email grouping that day's notifications of those types. Notifications are
 * marked as digested in the same transaction that queues the digests, so none goes twice and none
 * is skipped: on one server the rows are locked ({@code FOR UPDATE SKIP LOCKED}) so a second run
 * takes none of them; on Galera that lock holds on its own node only, and of two nodes marking the
 * same rows the one that commits second fails certification and rolls back the digests it queued
 * (it queues them for the mailer, and sends nothing itself).
 */
@Component
class Digests {

	private final JdbcTemplate jdbc;

	private final DirectoryQueries directory;

	private final MailComposer mail;

	private final Notifier notifier;

	private final Clock clock;

	private final Readers readers;

	private final NotificationPolicy policy;

	Digests(JdbcTemplate jdbc, DirectoryQueries directory, MailComposer mail, Notifier notifier, Clock clock,
			Readers readers, NotificationPolicy policy) {
		this.readers = readers;
		this.policy = policy;
		this.jdbc = jdbc;
		this.directory = directory;
		this.mail = mail;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * What each person may still open when the digest goes: rights can change between the day's
	 * notifications and the digest (a Chair's office term ends at midnight on 31 December).
	 */
	private Map<Long, List<MailComposer.Item>> stillReadable(Map<Long, List<MailComposer.Item>> byAccount) {
		Map<Long, List<MailComposer.Item>> readable = new LinkedHashMap<>();
		for (Reader reader : this.readers.ofAccounts(byAccount.keySet())) {
			List<MailComposer.Item> items = byAccount.get(reader.accountId());
			java.util.Set<String> open = this.policy.openable(reader, items.stream().map(MailComposer.Item::link).toList());
			List<MailComposer.Item> kept = items.stream().filter((item) -> open.contains(item.link())).toList();
			if (!kept.isEmpty()) {
				readable.put(reader.accountId(), kept);
			}
		}
		return readable;
	}

	/** Runs every hour ({@link NotificationSchedule}), so a day's digests go soon after midnight UTC. */
	@Transactional
	public int send() {
		LocalDateTime startOfToday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).atStartOfDay();
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT id, account_id, type, arguments, link FROM notification
				WHERE delivery = 'DIGEST' AND digested_at IS NULL AND created_at < ?
				ORDER BY account_id, created_at, id FOR UPDATE SKIP LOCKED""", startOfToday);
		if (rows.isEmpty()) {
			return 0;
		}
		Map<Long, List<MailComposer.Item>> byAccount = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			byAccount.computeIfAbsent(((Number) row.get("account_id")).longValue(), (id) -> new ArrayList<>())
				.add(new MailComposer.Item(NotificationType.valueOf((String) row.get("type")),
						Messages.split((String) row.get("arguments")), (String) row.get("link")));
		}
		int sent = 0;
		if (this.notifier.mailConfigured()) {
			Map<Long, List<MailComposer.Item>> readable = stillReadable(byAccount);
			for (Contact contact : this.directory.contacts(readable.keySet())) {
				if (contact.email() != null && !contact.email().isBlank()) {
					this.mail.queueDigest(contact, readable.get(contact.accountId()));
					sent++;
				}
			}
		}
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Object[]> marks = rows.stream().map((row) -> new Object[] { now, row.get("id") }).toList();
		this.jdbc.batchUpdate("UPDATE notification SET digested_at = ? WHERE id = ?", marks);
		return sent;
	}

}
