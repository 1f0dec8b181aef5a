package org.kimberleyprocess.portal.reviewvisits;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.kimberleyprocess.portal.shared.Localized;

/** An expert who offered to join a visit's team, and whether the chair selected them. */
@Entity
@Table(name = "review_visit_volunteer")
public class Volunteer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long visitId;

	private long accountId;

	private String personName;

	private long organisationId;

	private String organisationEn;

	private String organisationFr;

	@Enumerated(EnumType.STRING)
	private Affiliation affiliation;

	private boolean selected;

	private boolean leader;

	private Instant createdAt;

	protected Volunteer() {
	}

	Volunteer(long visitId, long accountId, String personName, long organisationId, Localized organisation,
			Affiliation affiliation, Instant createdAt) {
		this.visitId = visitId;
		this.accountId = accountId;
		this.personName = personName;
		this.organisationId = organisationId;
		this.organisationEn = organisation.en();
		this.organisationFr = organisation.fr();
		this.affiliation = affiliation;
		this.createdAt = createdAt;
	}

	void choose(boolean selected, boolean leader) {
		this.selected = selected;
		this.leader = selected && leader;
	}

	public Long getId() {
		return this.id;
	}

	public long getVisitId() {
		return this.visitId;
	}

	public long getAccountId() {
		return this.accountId;
	}

	public String getPersonName() {
		return this.personName;
	}

	public long getOrganisationId() {
		return this.organisationId;
	}

	public String organisationName(Locale locale) {
		return new Localized(this.organisationEn, this.organisationFr).in(locale);
	}

	public Affiliation getAffiliation() {
		return this.affiliation;
	}

	public boolean isSelected() {
		return this.selected;
	}

	public boolean isLeader() {
		return this.leader;
	}

}
