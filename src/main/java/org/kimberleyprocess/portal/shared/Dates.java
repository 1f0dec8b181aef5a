package org.kimberleyprocess.portal.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times as pages print them, in the reader's language; times always in UTC. */
@Component("dates")
public class Dates {

	/** Formatters are immutable and costly to build: one per pattern and language, built once. */
	private static final Map<Locale, DateTimeFormatter> DAYS = new ConcurrentHashMap<>();

	private static final Map<Locale, DateTimeFormatter> TIMES = new ConcurrentHashMap<>();

	private static final Map<Locale, DateTimeFormatter> DAYS_AND_MONTHS = new ConcurrentHashMap<>();

	private final Clock clock;

	private final MessageSource messages;

	Dates(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	/** The instant as the clock reads in the given zone: "13 November 2016, 09:00". */
	public String inZone(Instant instant, String zone) {
		if (instant == null || zone == null) {
			return "";
		}
		return dateTime(LocaleContextHolder.getLocale()).withZone(ZoneId.of(zone)).format(instant);
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

	/** "13 November 2016, 09:00 UTC", or "13 novembre 2016, 09:00 UTC". */
	public String utc(Instant instant) {
		return utc(instant, LocaleContextHolder.getLocale());
	}

	/** "13 November 2016", the day in UTC. */
	public String date(Instant instant) {
		return (instant == null) ? "" : day(LocaleContextHolder.getLocale()).withZone(ZoneOffset.UTC).format(instant);
	}

	/** A day in the reader's language, or an ellipsis where there is none (an open-ended term). */
	public String day(LocalDate day) {
		return (day == null) ? "…" : day(LocaleContextHolder.getLocale()).format(day);
	}

	/** A period of days, such as a meeting's, written once: "13–17 November 2016", "30 November – 2 December 2016". */
	public String period(LocalDate start, LocalDate end) {
		return period(start, end, LocaleContextHolder.getLocale());
	}

	/** The instant in UTC in the language given, as pages, notifications and email write it. */
	public static String utc(Instant instant, Locale locale) {
		return (instant == null) ? "" : dateTime(locale).withZone(ZoneOffset.UTC).format(instant) + " UTC";
	}

	/** "13 November 2016" in the language given. */
	public static String day(LocalDate day, Locale locale) {
		return (day == null) ? "" : day(locale).format(day);
	}

	/** A period of days in the language given; see {@link #period(LocalDate, LocalDate)}. */
	public static String period(LocalDate start, LocalDate end, Locale locale) {
		if (start == null || end == null) {
			return "";
		}
		if (start.equals(end)) {
			return day(locale).format(start);
		}
		String last = day(locale).format(end);
		if (start.getYear() != end.getYear()) {
			return day(locale).format(start) + " – " + last;
		}
		if (start.getMonth() != end.getMonth()) {
			return dayAndMonth(locale).format(start) + " – " + last;
		}
		return start.getDayOfMonth() + "–" + last;
	}

	private static DateTimeFormatter day(Locale locale) {
		return DAYS.computeIfAbsent(locale, (language) -> DateTimeFormatter.ofPattern("d MMMM uuuu", language));
	}

	private static DateTimeFormatter dateTime(Locale locale) {
		return TIMES.computeIfAbsent(locale, (language) -> DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", language));
	}

	private static DateTimeFormatter dayAndMonth(Locale locale) {
		return DAYS_AND_MONTHS.computeIfAbsent(locale, (language) -> DateTimeFormatter.ofPattern("d MMMM", language));
	}

	/** The machine-readable form for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

}
