package org.kimberleyprocess.portal.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.kimberleyprocess.portal.shared.Dates;

/**
 * A notification's text in a language: its type's message with the stored arguments; an
 * argument made by {@link #key} is itself a message (a status, a position) in that language, and
 * one made by {@link #time} a moment written as pages write it in that language.
 */
final class Messages {

	static final String SEPARATOR = "\u001f";

	private static final String KEY = "\u0002";

	private static final String TIME = "\u0003";

	private static final String DAY = "\u0004";

	private Messages() {
	}

	static String render(MessageSource messages, NotificationType type, List<String> arguments, Locale locale) {
		Object[] resolved = arguments.stream()
			.map((argument) -> argument.startsWith(KEY)
					? messages.getMessage(argument.substring(1), null, argument.substring(1), locale)
					: argument.startsWith(TIME) ? Dates.utc(Instant.parse(argument.substring(1)), locale)
							: argument.startsWith(DAY) ? Dates.day(java.time.LocalDate.parse(argument.substring(1)), locale)
									: argument)
			.toArray();
		return messages.getMessage("notification." + type.name(), resolved, locale);
	}

	/** An argument shown as the message of the key, in the reader's language. */
	static String key(String code) {
		return KEY + code;
	}

	/** An argument shown as the moment in UTC, in the reader's language. */
	static String time(Instant instant) {
		return TIME + instant;
	}

	/** An argument shown as the day, in the reader's language. */
	static String day(java.time.LocalDate day) {
		return DAY + day;
	}

	static String join(List<String> arguments) {
		return String.join(SEPARATOR, arguments);
	}

	static List<String> split(String arguments) {
		return arguments.isEmpty() ? List.of() : List.of(arguments.split(SEPARATOR, -1));
	}

}
