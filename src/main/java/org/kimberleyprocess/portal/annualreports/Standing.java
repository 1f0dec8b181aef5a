package org.kimberleyprocess.portal.annualreports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Where a Participant stands for a year: submitted on time or late, overdue, or not yet due. */
public enum Standing {

	ON_TIME, LATE, OVERDUE, NOT_YET_DUE;

	/** On time means submitted on or before the due date (UTC); overdue means not submitted once it has passed. */
	static Standing of(LocalDate dueDate, Instant firstSubmittedAt, LocalDate today) {
		if (firstSubmittedAt != null) {
			return firstSubmittedAt.atZone(ZoneOffset.UTC).toLocalDate().isAfter(dueDate) ? LATE : ON_TIME;
		}
		return today.isAfter(dueDate) ? OVERDUE : NOT_YET_DUE;
	}

	public boolean submitted() {
		return this == ON_TIME || this == LATE;
	}

}
