package org.kimberleyprocess.portal.statistics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a return covers: production per half-year, trade (imports and exports by partner) per
 * quarter. A period's return is due two months after the period ends.
 */
public enum ReturnKind {

	PRODUCTION(2), TRADE(4);

	private final int periodsPerYear;

	ReturnKind(int periodsPerYear) {
		this.periodsPerYear = periodsPerYear;
	}

	public int periodsPerYear() {
		return this.periodsPerYear;
	}

	public boolean hasPeriod(int period) {
		return period >= 1 && period <= this.periodsPerYear;
	}

	/** The last day of {@code period} (1-based) of {@code year}. */
	public LocalDate periodEnd(int year, int period) {
		if (!hasPeriod(period)) {
			throw new IllegalArgumentException("No period " + period + " for " + this);
		}
		int months = 12 / this.periodsPerYear;
		return YearMonth.of(year, period * months).atEndOfMonth();
	}

	public LocalDate dueDate(int year, int period) {
		return YearMonth.from(periodEnd(year, period)).plusMonths(2).atEndOfMonth();
	}

}
