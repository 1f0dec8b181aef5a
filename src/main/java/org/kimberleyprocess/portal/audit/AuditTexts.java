package org.kimberleyprocess.portal.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit trail in the reader's language. An entry keeps the words it was chained with, in
 * English, so its hash can be checked for good; pages and the CSV show its action ("Document
 * changed") and its object ("Account hod-bw") through messages. What the entry says changed
 * (field names and values) is shown as recorded.
 */
@Component("auditTexts")
public class AuditTexts {

	/** "Document created", "AnnualReport reviewers changed": an entity, perhaps one of its collections, and what happened. */
	private static final Pattern ENTITY_ACTION = Pattern.compile("([A-Z][A-Za-z]+)(?: ([a-z][A-Za-z]*))? (created|changed|removed)");

	/** "Account hod-bw", "Document 12", "Chair's office 2017": a kind of object and which. */
	private static final Pattern TARGET = Pattern.compile("([A-Z][A-Za-z']+(?: office)?) (.+)");

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

	/** A short summary the portal writes itself ("With a recovery code") in the reader's language; changes as recorded. */
	public String summary(String summary, Locale locale) {
		if (summary == null || summary.isEmpty() || summary.length() > 60) {
			return (summary == null) ? "" : summary;
		}
		return this.messages.getMessage("audit.summary." + key(summary), null, summary, locale);
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
