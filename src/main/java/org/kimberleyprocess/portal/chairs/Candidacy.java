package org.kimberleyprocess.portal.chairs;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Participant's candidacy for a year's Vice-Chair, with the committee's assessment. */
@Entity
@Table(name = "vice_chair_candidacy")
public class Candidacy {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int year;

	private long organisationId;

	private String statement;

	private String submittedByName;

	private Instant submittedAt;

	private Boolean eligible;

	private String assessment;

	private String assessedByName;

	private Instant assessedAt;

	private Long selectionDocumentId;

	@Version
	private long version;

	protected Candidacy() {
	}

	Candidacy(int year, long organisationId, String statement, String submittedByName, Instant now) {
		this.year = year;
		this.organisationId = organisationId;
		this.statement = statement;
		this.submittedByName = submittedByName;
		this.submittedAt = now;
	}

	void assess(boolean eligible, String assessment, String assessedByName, Instant now) {
		if (this.selectionDocumentId != null) {
			throw new IllegalStateException("The selection decision is prepared already");
		}
		this.eligible = eligible;
		this.assessment = assessment;
		this.assessedByName = assessedByName;
		this.assessedAt = now;
	}

	void putToSelection(long documentId) {
		if (!Boolean.TRUE.equals(this.eligible) || this.selectionDocumentId != null) {
			throw new IllegalStateException("Only an eligible candidacy is put to selection, once");
		}
		this.selectionDocumentId = documentId;
	}

	public Long getId() {
		return this.id;
	}

	public int getYear() {
		return this.year;
	}

	public long getOrganisationId() {
		return this.organisationId;
	}

	public String getStatement() {
		return this.statement;
	}

	public String getSubmittedByName() {
		return this.submittedByName;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Boolean getEligible() {
		return this.eligible;
	}

	public String getAssessment() {
		return this.assessment;
	}

	public String getAssessedByName() {
		return this.assessedByName;
	}

	public Instant getAssessedAt() {
		return this.assessedAt;
	}

	public Long getSelectionDocumentId() {
		return this.selectionDocumentId;
	}

}
