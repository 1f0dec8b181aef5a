package org.kimberleyprocess.portal.annualreports;

import java.time.LocalDate;

/** What this module announces to the others. */
public final class AnnualReportEvents {

	private AnnualReportEvents() {
	}

	/** A delegation's report for {@code year} is due soon ({@code DAYS_30}, {@code DAYS_7}) or overdue ({@code OVERDUE}). */
	public record ReminderDue(int year, long organisationId, String kind, LocalDate dueDate) {
	}

}
