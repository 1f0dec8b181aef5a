package org.kimberleyprocess.portal.statistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A closed year: its figures are validated, public and final. Persisted as an entity so the
 * audit listener records who closed which year and when.
 */
@Entity
@Table(name = "statistics_year")
class StatisticsYear {

	@Id
	private Integer year;

	@Column(name = "closed_by", nullable = false)
	private Long closedBy;

	@Column(name = "closed_at", nullable = false)
	private Instant closedAt;

	protected StatisticsYear() {
	}

	StatisticsYear(int year, long closedBy, Instant closedAt) {
		this.year = year;
		this.closedBy = closedBy;
		this.closedAt = closedAt;
	}

	Integer getYear() {
		return this.year;
	}

}
