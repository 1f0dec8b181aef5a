package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.notifications.NotificationType.Delivery;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * A person's notifications and delivery preferences, and the email that keeps failing. Every
 * query about notifications and preferences is bound to the person's own account: nobody reads
 * or marks another's, and an entry that is not theirs is not found.
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final NotificationPolicy policy;

	Inbox(JdbcTemplate jdbc, MessageSource messages, Clock clock, NotificationPolicy policy) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	public record Entry(long id, NotificationType type, String message, String link, Instant createdAt,
			boolean read) {
	}

	/**
	 * The reader's newest unread notifications, at most {@code limit}, leaving out those whose page
	 * the reader may no longer open, as the inbox does.
	 */
	public List<Entry> latestUnread(org.kimberleyprocess.portal.directory.Reader reader, int limit, Locale locale) {
		List<Entry> entries = rows(reader.accountId(), null, true, 0, limit, locale);
		List<Entry> shown = entries.size() > limit ? entries.subList(0, limit) : entries;
		java.util.Set<String> openable = this.policy.openable(reader, shown.stream().map(Entry::link).toList());
		return shown.stream().filter((entry) -> openable.contains(entry.link())).toList();
	}

	/** One page of the person's notifications, newest first. */
	org.springframework.data.domain.Slice<Entry> page(long accountId, NotificationType type, boolean unreadOnly,
			org.springframework.data.domain.Pageable pageable, Locale locale) {
		List<Entry> entries = rows(accountId, type, unreadOnly, pageable.getOffset(), pageable.getPageSize(), locale);
		boolean more = entries.size() > pageable.getPageSize();
		return new org.springframework.data.domain.SliceImpl<>(more ? entries.subList(0, pageable.getPageSize()) : entries,
				pageable, more);
	}

	/** Rows from {@code offset}, one more than {@code size} when there are more. */
	private List<Entry> rows(long accountId, NotificationType type, boolean unreadOnly, long offset, int size,
			Locale locale) {
		String kind = (type == null) ? null : type.name();
		return this.jdbc.query("""
				SELECT id, type, arguments, link, created_at, read_at FROM notification
				WHERE account_id = ? AND (? IS NULL OR type = ?) AND (? = FALSE OR read_at IS NULL)
				ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""", (row, n) -> {
					NotificationType rowType = NotificationType.valueOf(row.getString("type"));
					return new Entry(row.getLong("id"), rowType,
							Messages.render(this.messages, rowType, Messages.split(row.getString("arguments")), locale),
							row.getString("link"),
							row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
							row.getObject("read_at") != null);
				}, accountId, kind, kind, unreadOnly, size + 1, offset);
	}

	/** One statement on every signed-in page, so it runs alone rather than in a transaction of its own. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	int unread(long accountId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE account_id = ? AND read_at IS NULL",
				Integer.class, accountId);
	}

	/** Marks the notification read and answers what it links to. */
	@Transactional
	String open(long accountId, long id) {
		List<String> link = this.jdbc.queryForList("SELECT link FROM notification WHERE id = ? AND account_id = ?",
				String.class, id, accountId);
		if (link.isEmpty()) {
			throw new NotFoundException();
		}
		markRead(accountId, id);
		return link.get(0);
	}

	@Transactional
	void markRead(long accountId, long id) {
		int marked = this.jdbc.update(
				"UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND account_id = ?", now(), id,
				accountId);
		if (marked == 0) {
			throw new NotFoundException();
		}
	}

	@Transactional
	void markAllRead(long accountId) {
		this.jdbc.update("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL", now(), accountId);
	}

	/** The person's delivery for every kind: chosen, or the kind's default. */
	Map<NotificationType, Delivery> preferences(long accountId) {
		Map<NotificationType, Delivery> chosen = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			chosen.put(type, type.byDefault());
		}
		this.jdbc.query("SELECT type, delivery FROM notification_preference WHERE account_id = ?", (row) -> {
			chosen.put(NotificationType.valueOf(row.getString(1)), Delivery.valueOf(row.getString(2)));
		}, accountId);
		return chosen;
	}

	@Transactional
	void savePreferences(long accountId, Map<NotificationType, Delivery> chosen) {
		chosen.forEach((type, delivery) -> this.jdbc.update("""
				INSERT INTO notification_preference (account_id, type, delivery) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE delivery = VALUES(delivery)""", accountId, type.name(), delivery.name()));
	}

	/**
	 * Email given up, or still being retried after a failure. The subject is left out: it names
	 * what the email is about, which the administrators reading this list may not be able to open.
	 */
	List<Map<String, Object>> failingEmails() {
		return this.jdbc.queryForList("""
				SELECT id, recipient, status, attempts, next_attempt_at, last_error FROM outgoing_email
				WHERE status = 'FAILED' OR (status = 'PENDING' AND attempts > 0) ORDER BY id DESC LIMIT 200""");
	}

	/** Puts a failed email back in the queue, to go at the next sending. */
	@Transactional
	void retry(long emailId) {
		if (this.jdbc.update("UPDATE outgoing_email SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
				+ " WHERE id = ? AND status <> 'SENT'", now(), emailId) == 0) {
			throw new NotFoundException();
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
