package org.kimberleyprocess.portal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.shared.Dates;

/**
 * The audit trail in the reader's language. An entry keeps the words it was chained with, in
 * English, so its hash can be checked for good; pages and the CSV show its action ("Document
 * changed") and its object ("Account hod-bw") through messages, and the sentences the portal
 * writes itself (a Chair's office switching, a session ended) likewise. What the entry says
 * changed (field names and values) is shown as recorded, marked as English.
 */
@Component("auditTexts")
public class AuditTexts {

	/** "Document created", "AnnualReport reviewers changed": an entity, perhaps one of its collections, and what happened. */
	private static final Pattern ENTITY_ACTION = Pattern.compile("([A-Z][A-Za-z]+)(?: ([a-z][A-Za-z]*))? (created|changed|removed)");

	/** "Account hod-bw", "Document 12", "Chair's office 2017": a kind of object and which. */
	private static final Pattern TARGET = Pattern.compile("([A-Z][A-Za-z']+(?: office)?) (.+)");

	/** The sentences the portal writes in summaries, each with the message that says it in the reader's language. */
	private static final Map<Pattern, String> SENTENCES = Map.of(
			Pattern.compile("From (.+) to (.+) at (\\S+): the outgoing office's rights ended at midnight UTC"),
			"audit.summary.officeSwitched",
			Pattern.compile("No Chair set for (\\d+): no Participant's Chair's office holds its rights"),
			"audit.summary.rotationMissing", Pattern.compile("Ended by its holder: (.+)"),
			"audit.summary.endedByHolder",
			Pattern.compile("Ended because the account's password changed or the account was deactivated: (.+)"),
			"audit.summary.credentialsChanged", Pattern.compile("Ended at the end of its lifetime: (.+)"),
			"audit.summary.lifetimeReached");

	private final MessageSource messages;

	AuditTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String action(String action, Locale locale) {
		if (action == null) {
			return "";
		}
		Matcher entity = ENTITY_ACTION.matcher(action);
		if (entity.matches()) {
			String name = entity(entity.group(1), locale);
			return (entity.group(2) == null)
					? this.messages.getMessage("audit.action." + entity.group(3), new Object[] { name }, action, locale)
					: this.messages.getMessage("audit.action.collection." + entity.group(3),
							new Object[] { name, entity.group(2) }, action, locale);
		}
		return this.messages.getMessage("audit.action." + key(action), null, action, locale);
	}

	public String target(String target, Locale locale) {
		if (target == null) {
			return "";
		}
		Matcher which = TARGET.matcher(target);
		if (!which.matches()) {
			return target;
		}
		String kind = this.messages.getMessage("audit.entity." + key(which.group(1)), null, which.group(1), locale);
		return kind + " " + which.group(2);
	}

	/**
	 * A summary the portal writes itself ("With a recovery code", a Chair's office switching) in
	 * the reader's language; changes as recorded.
	 */
	public String summary(String summary, Locale locale) {
		String translated = translated(summary, locale);
		return (translated != null) ? translated : (summary == null) ? "" : summary;
	}

	/** The language to mark a summary with: English where it is shown as recorded on a page in another language. */
	public String summaryLang(String summary, Locale locale) {
		return (summary == null || summary.isEmpty() || "en".equals(locale.getLanguage())
				|| translated(summary, locale) != null) ? null : "en";
	}

	private String translated(String summary, Locale locale) {
		if (summary == null || summary.isEmpty()) {
			return null;
		}
		for (Map.Entry<Pattern, String> sentence : SENTENCES.entrySet()) {
			Matcher matcher = sentence.getKey().matcher(summary);
			if (matcher.matches()) {
				Object[] arguments = new Object[matcher.groupCount()];
				for (int i = 0; i < arguments.length; i++) {
					arguments[i] = instantOr(matcher.group(i + 1), locale);
				}
				return this.messages.getMessage(sentence.getValue(), arguments, locale);
			}
		}
		return (summary.length() > 60) ? null
				: this.messages.getMessage("audit.summary." + key(summary), null, null, locale);
	}

	/** A recorded instant as the portal writes times ("1 January 2016, 00:00 UTC"), anything else as it is. */
	private static String instantOr(String value, Locale locale) {
		try {
			return Dates.utc(Instant.parse(value), locale);
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

	private String entity(String name, Locale locale) {
		return this.messages.getMessage("audit.entity." + name, null, name, locale);
	}

	/** "Sign-in failed" as a message key's last part: signInFailed. */
	private static String key(String words) {
		StringBuilder key = new StringBuilder();
		boolean upper = false;
		for (char c : words.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				key.append(upper ? Character.toUpperCase(c) : (key.isEmpty() ? Character.toLowerCase(c) : c));
				upper = false;
			}
			else {
				upper = !key.isEmpty();
			}
		}
		return key.toString();
	}

}
