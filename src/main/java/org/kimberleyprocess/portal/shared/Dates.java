package org.kimberleyprocess.portal.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times as pages print them, in the reader's language; times always in UTC. */
@Component("dates")
public class Dates {

	public String utc(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneOffset.UTC)
			.format(instant);
	}

	/** The machine-readable form for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

}
