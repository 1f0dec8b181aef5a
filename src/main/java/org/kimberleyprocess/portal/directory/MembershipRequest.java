package org.kimberleyprocess.portal.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An organisation's request to join a working group or committee, decided by the group's chair. */
@Entity
@Table(name = "membership_request")
public class MembershipRequest {

	public enum Status {

		PENDING, ACCEPTED, DECLINED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long workingGroupId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organisation_id")
	private Organisation organisation;

	private String note;

	private String requestedByName;

	private Instant requestedAt;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Enumerated(EnumType.STRING)
	private Standing standing;

	private String decidedByName;

	private Instant decidedAt;

	private String reason;

	@Version
	private long version;

	protected MembershipRequest() {
	}

	MembershipRequest(long workingGroupId, Organisation organisation, String note, String requestedByName,
			Instant now) {
		this.workingGroupId = workingGroupId;
		this.organisation = organisation;
		this.note = note;
		this.requestedByName = requestedByName;
		this.requestedAt = now;
		this.status = Status.PENDING;
	}

	void accept(Standing standing, String decidedByName, Instant now) {
		decide(Status.ACCEPTED, decidedByName, now);
		this.standing = standing;
	}

	void decline(String reason, String decidedByName, Instant now) {
		decide(Status.DECLINED, decidedByName, now);
		this.reason = reason;
	}

	private void decide(Status outcome, String decidedByName, Instant now) {
		if (this.status != Status.PENDING) {
			throw new IllegalStateException("Already decided");
		}
		this.status = outcome;
		this.decidedByName = decidedByName;
		this.decidedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public long getWorkingGroupId() {
		return this.workingGroupId;
	}

	public Organisation getOrganisation() {
		return this.organisation;
	}

	public String getNote() {
		return this.note;
	}

	public String getRequestedByName() {
		return this.requestedByName;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public Status getStatus() {
		return this.status;
	}

	public Standing getStanding() {
		return this.standing;
	}

	public String getDecidedByName() {
		return this.decidedByName;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getReason() {
		return this.reason;
	}

}
