package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries.Contact;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.notifications.NotificationType.Delivery;

/**
 * Tells people: an inbox entry for each, and an email at once for those who want it so (the
 * others get it in their daily digest, or not at all). Only those who may open what the
 * notification links to are told ({@link NotificationPolicy}), whoever the caller named. Email
 * is queued only where a mail server is configured.
 */
@Service
class Notifier {

	private final JdbcTemplate jdbc;

	private final DirectoryQueries directory;

	private final MailComposer mail;

	private final Clock clock;

	private final boolean mailConfigured;

	private final NotificationPolicy policy;

	Notifier(JdbcTemplate jdbc, DirectoryQueries directory, MailComposer mail, Clock clock,
			ObjectProvider<JavaMailSender> mailSender, NotificationPolicy policy) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.directory = directory;
		this.mail = mail;
		this.clock = clock;
		this.mailConfigured = mailSender.getIfAvailable() != null;
	}

	@Transactional
	public void notify(Collection<Long> accountIds, NotificationType type, String link, List<String> arguments) {
		List<Contact> contacts = this.directory.contacts(this.policy.mayOpen(link, new LinkedHashSet<>(accountIds)));
		if (contacts.isEmpty()) {
			return;
		}
		Map<Long, Delivery> preferences = preferences(contacts, type);
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String stored = Messages.join(arguments);
		for (Contact contact : contacts) {
			Delivery delivery = preferences.getOrDefault(contact.accountId(), type.byDefault());
			this.jdbc.update("""
					INSERT INTO notification (account_id, type, arguments, link, delivery, created_at)
					VALUES (?, ?, ?, ?, ?, ?)""", contact.accountId(), type.name(), stored, link, delivery.name(), now);
			if (delivery == Delivery.IMMEDIATE && this.mailConfigured && StringUtils.hasText(contact.email())) {
				this.mail.queue(contact, type, arguments, link);
			}
		}
	}

	private Map<Long, Delivery> preferences(List<Contact> contacts, NotificationType type) {
		Map<Long, Delivery> preferences = new HashMap<>();
		String marks = String.join(",", contacts.stream().map((contact) -> "?").toList());
		List<Object> arguments = new java.util.ArrayList<>(contacts.stream().map((c) -> (Object) c.accountId()).toList());
		arguments.add(type.name());
		this.jdbc.query("SELECT account_id, delivery FROM notification_preference WHERE account_id IN (" + marks
				+ ") AND type = ?", (row) -> {
					preferences.put(row.getLong(1), Delivery.valueOf(row.getString(2)));
				}, arguments.toArray());
		return preferences;
	}

	boolean mailConfigured() {
		return this.mailConfigured;
	}

}
