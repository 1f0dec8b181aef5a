package org.kimberleyprocess.portal.chairs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;

/**
 * Rights switch by themselves at midnight UTC on 1 January (the office term is read from the
 * clock whenever a reader is built); this watch makes the switch visible: the first time it sees
 * a new year it announces it once, however many nodes run it, and where the rotation has no row
 * for the year it announces that instead, so administrators set one.
 * <p>
 * Every node runs it, without a scheduler lock: the row for the year, inserted in the transaction
 * that announces, keeps the announcement single. On Galera two nodes inserting that row at the
 * same moment conflict at certification, and the one that loses rolls back its announcement.
 */
@Component
class OfficeSwitchWatch {

	private final ChairTermRepository terms;

	private final DirectoryQueries directory;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OfficeSwitchWatch(ChairTermRepository terms, DirectoryQueries directory, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.terms = terms;
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portal.chairs.switch-check:PT30S}", initialDelayString = "PT20S")
	@Transactional
	public void check() {
		int year = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).getYear();
		Optional<ChairTerm> current = this.terms.findById(year);
		Optional<ChairTerm> previous = this.terms.findById(year - 1);
		if (current.isEmpty()) {
			noticeGap(year);
			return;
		}
		if (previous.isEmpty()) {
			return;
		}
		int inserted = this.jdbc.update("INSERT IGNORE INTO chair_office_switch (year, recorded_at) VALUES (?, ?)", year,
				java.time.LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		if (inserted == 0) {
			return;
		}
		this.events.publishEvent(new ChairEvents.OfficeSwitched(year, name(previous.get().getChairOrganisationId()),
				name(current.get().getChairOrganisationId()),
				LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

	/** Tells administrators, once, that the rotation has no Chair for the year. */
	private void noticeGap(int year) {
		java.time.Instant now = this.clock.instant();
		int inserted = this.jdbc.update("INSERT IGNORE INTO chair_rotation_gap (year, noticed_at) VALUES (?, ?)", year,
				java.time.LocalDateTime.ofInstant(now, ZoneOffset.UTC));
		if (inserted == 1) {
			this.events.publishEvent(new ChairEvents.RotationMissing(year, now));
		}
	}

	private String name(long organisationId) {
		return this.directory.organisationInfo(organisationId).name(Locale.ENGLISH);
	}

}
