package org.kimberleyprocess.portal.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times as pages print them, in the reader's language; times always in UTC. */
@Component("dates")
public class Dates {

	private final Clock clock;

	private final MessageSource messages;

	Dates(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	/** The instant as the clock reads in the given zone. */
	public String inZone(Instant instant, String zone) {
		if (instant == null || zone == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneId.of(zone))
			.format(instant);
	}

	/** How long until the instant, in days, hours and minutes, or that it has passed. */
	public String remaining(Instant instant) {
		Duration left = Duration.between(this.clock.instant(), instant);
		if (left.isNegative() || left.isZero()) {
			return this.messages.getMessage("time.passed", null, LocaleContextHolder.getLocale());
		}
		return this.messages.getMessage("time.remaining",
				new Object[] { left.toDays(), left.toHoursPart(), left.toMinutesPart() },
				LocaleContextHolder.getLocale());
	}

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

	/** A day in the reader's language, or an ellipsis where there is none (an open-ended term). */
	public String day(java.time.LocalDate day) {
		return day == null ? "…"
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale()).format(day);
	}

	/** A period of days, such as a meeting's, in the reader's language: "16 November 2015 to 19 November 2015". */
	public String period(java.time.LocalDate start, java.time.LocalDate end) {
		if (start == null || end == null) {
			return "";
		}
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(LocaleContextHolder.getLocale());
		if (start.equals(end)) {
			return format.format(start);
		}
		return this.messages.getMessage("visits.dateRange", new Object[] { format.format(start), format.format(end) },
				LocaleContextHolder.getLocale());
	}

	/** The machine-readable form for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

}
