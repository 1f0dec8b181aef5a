package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.DirectoryQueries.Contact;

/**
 * Writes a notification or a digest as an email in the recipient's language, HTML and plain
 * text from templates, and queues it for the mailer.
 */
@Component
class MailComposer {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String baseUrl;

	MailComposer(ITemplateEngine templates, MessageSource messages, JdbcTemplate jdbc, Clock clock,
			@Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		this.templates = templates;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** One notification, at once. */
	void queue(Contact contact, NotificationType type, List<String> arguments, String link) {
		Locale locale = locale(contact);
		String message = Messages.render(this.messages, type, arguments, locale);
		Context context = context(contact, locale);
		context.setVariable("message", message);
		context.setVariable("link", this.baseUrl + link);
		insert(contact, this.messages.getMessage("mail.subject", new Object[] { message }, locale),
				render("mail/notification", context), List.of(link));
	}

	/** A day's notifications in one email. */
	void queueDigest(Contact contact, List<Item> items) {
		Locale locale = locale(contact);
		Context context = context(contact, locale);
		context.setVariable("items", items.stream()
			.map((item) -> new Line(Messages.render(this.messages, item.type(), item.arguments(), locale),
					this.baseUrl + item.link()))
			.toList());
		insert(contact, this.messages.getMessage("mail.digest.subject", new Object[] { items.size() }, locale),
				render("mail/digest", context), items.stream().map(Item::link).toList());
	}

	record Item(NotificationType type, List<String> arguments, String link) {
	}

	record Line(String message, String link) {
	}

	private Context context(Contact contact, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("name", contact.fullName());
		context.setVariable("settings", this.baseUrl + "/notifications/settings");
		return context;
	}

	/**
	 * An email that opens or recovers an account, marked with its purpose so that the mailer sends
	 * it to someone who is not (yet) a reader; its link is its whole point, so it names no page to
	 * check.
	 */
	void queueAccountEmail(long accountId, String email, String language, AccountEmailPurpose purpose,
			String subject, String template, Context context) {
		context.setVariable("link", this.baseUrl + context.getVariable("link"));
		String[] bodies = render(template, context);
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at, purpose) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""",
				accountId, email, language, subject, bodies[0], bodies[1], now, now, purpose.name());
	}

	private String[] render(String template, Context context) {
		return new String[] { this.templates.process(new TemplateSpec(template + "-text", TemplateMode.TEXT), context),
				this.templates.process(template, context) };
	}

	private void insert(Contact contact, String subject, String[] bodies, List<String> about) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at, about_links) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""",
				contact.accountId(), contact.email(), contact.language(),
				subject.length() > 300 ? subject.substring(0, 299) + "…" : subject, bodies[0], bodies[1], now, now,
				String.join("\n", about));
	}

	private static Locale locale(Contact contact) {
		return "fr".equals(contact.language()) ? Locale.FRENCH : Locale.ENGLISH;
	}


}
