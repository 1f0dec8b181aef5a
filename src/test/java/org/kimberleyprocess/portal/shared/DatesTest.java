package org.kimberleyprocess.portal.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates read the same on every page, notification and email: day, month, year, and a range written once. */
class DatesTest {

	private static final Locale FRENCH = Locale.FRENCH;

	@Test
	void aMomentIsWrittenDayMonthYearInUtcInEitherLanguage() {
		Instant opening = Instant.parse("2016-11-13T09:00:00Z");
		assertThat(Dates.utc(opening, Locale.ENGLISH)).isEqualTo("13 November 2016, 09:00 UTC");
		assertThat(Dates.utc(opening, FRENCH)).isEqualTo("13 novembre 2016, 09:00 UTC");
	}

	@Test
	void aRangeOfDaysIsWrittenOnce() {
		LocalDate start = LocalDate.of(2016, 11, 13);
		assertThat(Dates.period(start, LocalDate.of(2016, 11, 17), Locale.ENGLISH)).isEqualTo("13–17 November 2016");
		assertThat(Dates.period(start, LocalDate.of(2016, 11, 17), FRENCH)).isEqualTo("13–17 novembre 2016");
		assertThat(Dates.period(LocalDate.of(2016, 11, 30), LocalDate.of(2016, 12, 2), Locale.ENGLISH))
			.isEqualTo("30 November – 2 December 2016");
		assertThat(Dates.period(LocalDate.of(2016, 12, 30), LocalDate.of(2017, 1, 2), FRENCH))
			.isEqualTo("30 décembre 2016 – 2 janvier 2017");
		assertThat(Dates.period(start, start, Locale.ENGLISH)).isEqualTo("13 November 2016");
	}

}
