package org.kimberleyprocess.portal.calendar;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/**
 * Each person's secret calendar address: calendar programs cannot sign in, so the address itself
 * is the key, and the person can replace or revoke it at any time.
 */
@Component
class CalendarFeeds {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CalendarFeeds(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<String> tokenOf(long accountId) {
		return this.jdbc.queryForList("SELECT token FROM calendar_token WHERE account_id = ?", String.class, accountId)
			.stream()
			.findFirst();
	}

	/** A new address; the old one stops working at once. */
	@Transactional
	String issue(long accountId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.update("""
				INSERT INTO calendar_token (account_id, token, created_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE token = VALUES(token), created_at = VALUES(created_at)""", accountId, token,
				Timestamp.from(this.clock.instant()));
		return token;
	}

	@Transactional
	void revoke(long accountId) {
		this.jdbc.update("DELETE FROM calendar_token WHERE account_id = ?", accountId);
	}

	/**
	 * The account the address belongs to, if it is still valid; the feed is then built for the
	 * reader that account is now, as for any request or background work.
	 */
	Optional<Long> ownerOf(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return this.jdbc.queryForList("SELECT account_id FROM calendar_token WHERE token = ?", Long.class, token)
			.stream()
			.findFirst();
	}

	/** Events as an iCalendar document (RFC 5545). */
	String render(List<Event> events) {
		Instant now = this.clock.instant();
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Kimberley Process//Portal//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text("Kimberley Process"));
		for (Event event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + event.uid() + "@kp-portal");
			line(out, "DTSTAMP:" + STAMP.format(now));
			if (event.at() != null) {
				line(out, "DTSTART:" + STAMP.format(event.at()));
				line(out, "DTEND:" + STAMP.format(event.at()));
			}
			else {
				line(out, "DTSTART;VALUE=DATE:" + DAY.format(event.firstDay()));
				line(out, "DTEND;VALUE=DATE:" + DAY.format(event.lastDay().plusDays(1)));
			}
			line(out, "SUMMARY:" + text(event.summary()));
			if (event.description() != null) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** A day range (first and last day) or an instant, with what to call it. */
	record Event(String uid, LocalDate firstDay, LocalDate lastDay, Instant at, String summary, String description) {
	}

	private static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/** Writes a content line, folded at 75 octets as the standard requires. */
	private static void line(StringBuilder out, String content) {
		byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int start = 0;
		boolean first = true;
		while (start < bytes.length) {
			int limit = first ? 75 : 74;
			int end = Math.min(bytes.length, start + limit);
			while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
				end--;
			}
			if (!first) {
				out.append(' ');
			}
			out.append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
			start = end;
			first = false;
		}
		if (bytes.length == 0) {
			out.append("\r\n");
		}
	}

}
