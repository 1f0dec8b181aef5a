package org.kimberleyprocess.portal.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One Participant's return for one period. Each submission adds a version and moves
 * {@code currentVersion} to it; the row's own version column makes two submissions at once
 * end in one refusal rather than one lost.
 */
@Entity
@Table(name = "statistics_return")
class StatisticsReturn {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "participant_id", nullable = false)
	private Long participantId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReturnKind kind;

	@Column(nullable = false)
	private Integer year;

	@Column(nullable = false)
	private Integer period;

	@Column(name = "current_version", nullable = false)
	private Integer currentVersion;

	@Column(nullable = false)
	private boolean demonstration;

	@Version
	private Long version;

	protected StatisticsReturn() {
	}

	StatisticsReturn(long participantId, ReturnKind kind, int year, int period) {
		this.participantId = participantId;
		this.kind = kind;
		this.year = year;
		this.period = period;
		this.currentVersion = 0;
	}

	Long getId() {
		return this.id;
	}

	int getCurrentVersion() {
		return this.currentVersion;
	}

	/** The next version's number, which becomes the current one. */
	int advance() {
		this.currentVersion = this.currentVersion + 1;
		return this.currentVersion;
	}

}
