package org.kimberleyprocess.portal.reviewvisits;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One step of a visit's timeline: who moved it from which state to which, when and why. */
@Entity
@Immutable
@Table(name = "review_visit_event")
public class VisitEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long visitId;

	@Enumerated(EnumType.STRING)
	private VisitStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private VisitStatus toStatus;

	private String actorName;

	private String note;

	private Instant at;

	protected VisitEvent() {
	}

	VisitEvent(long visitId, VisitStatus fromStatus, VisitStatus toStatus, String actorName, String note, Instant at) {
		this.visitId = visitId;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.actorName = actorName;
		this.note = note;
		this.at = at;
	}

	public VisitStatus getFromStatus() {
		return this.fromStatus;
	}

	public VisitStatus getToStatus() {
		return this.toStatus;
	}

	public String getActorName() {
		return this.actorName;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getAt() {
		return this.at;
	}

}
