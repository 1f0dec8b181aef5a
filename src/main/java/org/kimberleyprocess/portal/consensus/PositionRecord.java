package org.kimberleyprocess.portal.consensus;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A position a Participant took in a round, as recorded: who acted, for which Participant, when,
 * on which text. Never changed; a new position supersedes it and both stay in the history.
 */
@Entity
@Table(name = "round_position")
public class PositionRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long roundId;

	private long organisationId;

	@Enumerated(EnumType.STRING)
	private Position position;

	private String reason;

	private long recordedById;

	private String recordedByName;

	private boolean onBehalf;

	private Instant recordedAt;

	private String versionSha256;

	/** TRUE for the Participant's current position, NULL once superseded. */
	private Boolean current;

	protected PositionRecord() {
	}

	PositionRecord(long roundId, long organisationId, Position position, String reason, long recordedById,
			String recordedByName, boolean onBehalf, Instant recordedAt, String versionSha256) {
		this.roundId = roundId;
		this.organisationId = organisationId;
		this.position = position;
		this.reason = reason;
		this.recordedById = recordedById;
		this.recordedByName = recordedByName;
		this.onBehalf = onBehalf;
		this.recordedAt = recordedAt;
		this.versionSha256 = versionSha256;
		this.current = Boolean.TRUE;
	}

	public Long getId() {
		return this.id;
	}

	public long getRoundId() {
		return this.roundId;
	}

	public long getOrganisationId() {
		return this.organisationId;
	}

	public Position getPosition() {
		return this.position;
	}

	public String getReason() {
		return this.reason;
	}

	public String getRecordedByName() {
		return this.recordedByName;
	}

	public boolean isOnBehalf() {
		return this.onBehalf;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getVersionSha256() {
		return this.versionSha256;
	}

	public boolean isCurrent() {
		return Boolean.TRUE.equals(this.current);
	}

}
