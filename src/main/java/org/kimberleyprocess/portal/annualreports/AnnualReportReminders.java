package org.kimberleyprocess.portal.annualreports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;

/**
 * Reminds the delegations that have not submitted: 30 days and 7 days before the due date and on
 * the first day overdue, once each. A row per year, Participant and reminder, written in the same
 * transaction as the event that tells them, keeps it once on any number of nodes.
 */
@Component
class AnnualReportReminders {

	/** An overdue reminder goes in the month after the due date only, not for long-past years. */
	private static final int OVERDUE_WINDOW_DAYS = 30;

	private final AnnualReportService reports;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	AnnualReportReminders(AnnualReportService reports, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${portal.annual-reports.reminder-check:PT1H}",
			initialDelayString = "${portal.annual-reports.reminder-check:PT1H}")
	@SchedulerLock(name = "annual-report-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void scheduled() {
		remind();
	}

	@Transactional
	int remind() {
		LocalDate today = this.reports.today();
		int sent = 0;
		for (ReportingYear year : this.reports.years()) {
			String kind = kind(year.getDueDate(), today);
			if (kind == null) {
				continue;
			}
			Set<Long> submitted = this.reports.reportsFor(year.getYear())
				.stream()
				.filter(AnnualReport::isSubmitted)
				.map(AnnualReport::getOrganisationId)
				.collect(Collectors.toSet());
			List<Long> owing = this.reports.activeParticipants()
				.stream()
				.map(OrganisationRef::id)
				.filter((id) -> !submitted.contains(id))
				.toList();
			for (long organisation : owing) {
				int inserted = this.jdbc.update(
						"INSERT IGNORE INTO annual_report_reminder (year, organisation_id, kind, sent_at) VALUES (?, ?, ?, ?)",
						year.getYear(), organisation, kind, java.sql.Timestamp.from(this.reports.now()));
				if (inserted > 0) {
					this.events.publishEvent(new AnnualReportEvents.ReminderDue(year.getYear(), organisation, kind,
							year.getDueDate()));
					sent++;
				}
			}
		}
		return sent;
	}

	static String kind(LocalDate due, LocalDate today) {
		if (today.isAfter(due)) {
			return today.isAfter(due.plusDays(OVERDUE_WINDOW_DAYS)) ? null : "OVERDUE";
		}
		if (!today.isBefore(due.minusDays(7))) {
			return "DAYS_7";
		}
		if (!today.isBefore(due.minusDays(30))) {
			return "DAYS_30";
		}
		return null;
	}

}
