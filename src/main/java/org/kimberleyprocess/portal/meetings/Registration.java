package org.kimberleyprocess.portal.meetings;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.kimberleyprocess.portal.shared.Localized;

/** A person registered to attend a meeting, as a delegation's member or as a guest of the Chair. */
@Entity
@Table(name = "meeting_registration")
public class Registration {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long meetingId;

	private long accountId;

	private long organisationId;

	private String fullName;

	private String organisationEn;

	private String organisationFr;

	private boolean guest;

	private String registeredByName;

	private Instant registeredAt;

	protected Registration() {
	}

	Registration(long meetingId, long accountId, long organisationId, String fullName, Localized organisation,
			boolean guest, String registeredByName, Instant registeredAt) {
		this.meetingId = meetingId;
		this.accountId = accountId;
		this.organisationId = organisationId;
		this.fullName = fullName;
		this.organisationEn = organisation.en();
		this.organisationFr = organisation.fr();
		this.guest = guest;
		this.registeredByName = registeredByName;
		this.registeredAt = registeredAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getMeetingId() {
		return this.meetingId;
	}

	public long getAccountId() {
		return this.accountId;
	}

	public long getOrganisationId() {
		return this.organisationId;
	}

	public String getFullName() {
		return this.fullName;
	}

	public Localized getOrganisation() {
		return new Localized(this.organisationEn, this.organisationFr);
	}

	public boolean isGuest() {
		return this.guest;
	}

	public String getRegisteredByName() {
		return this.registeredByName;
	}

	public Instant getRegisteredAt() {
		return this.registeredAt;
	}

}
