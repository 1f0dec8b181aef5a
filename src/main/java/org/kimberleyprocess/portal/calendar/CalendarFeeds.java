package org.kimberleyprocess.portal.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/**
 * Each person's secret calendar address: calendar programs cannot sign in, so the address itself
 * is the key, and the person can replace or revoke it at any time.
 */
@Component
class CalendarFeeds {

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
	Optional<Owner> ownerOf(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return this.jdbc.query("""
				SELECT t.account_id, a.preferred_language FROM calendar_token t JOIN account a ON a.id = t.account_id
				WHERE t.token = ?""", (row, n) -> new Owner(row.getLong(1),
				"fr".equals(row.getString(2)) ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH), token)
			.stream()
			.findFirst();
	}

	/** Whose the feed is, and the language they read the portal in, which the feed is written in. */
	record Owner(long accountId, java.util.Locale language) {
	}

	/** Events as an iCalendar document (RFC 5545), written by ical4j. */
	String render(List<Event> events) {
		DtStamp stamp = new DtStamp(this.clock.instant());
		Calendar calendar = new Calendar().add(new ProdId("-//Kimberley Process//Portal//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", "Kimberley Process"));
		for (Event event : events) {
			VEvent component = (event.at() != null) ? new VEvent(event.at(), event.at(), event.summary())
					: new VEvent(event.firstDay(), event.lastDay().plusDays(1), event.summary());
			component.replace(stamp);
			component.add(new Uid(event.uid() + "@kp-portal"));
			if (event.description() != null) {
				component.add(new Description(event.description()));
			}
			calendar.add(component);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A day range (first and last day) or an instant, with what to call it. */
	record Event(String uid, LocalDate firstDay, LocalDate lastDay, Instant at, String summary, String description) {
	}

}
