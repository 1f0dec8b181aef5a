package org.kimberleyprocess.portal.annualreports;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A Participant's report for a year: its document, the version last submitted, the sections
 * made public (every other one is "KP only"), whether it is published, its reviewers, its
 * assessment and the working group's outcome.
 */
@Entity
@Table(name = "annual_report")
public class AnnualReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int year;

	private long organisationId;

	private Long documentId;

	private Integer submittedVersion;

	private Instant firstSubmittedAt;

	private Instant lastSubmittedAt;

	private boolean published;

	private Long assessmentDocumentId;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String outcomeNote;

	private Instant outcomeAt;

	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "annual_report_public_section", joinColumns = @JoinColumn(name = "report_id"))
	@Column(name = "position")
	private Set<Integer> publicSections = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "annual_report_reviewer", joinColumns = @JoinColumn(name = "report_id"))
	@Column(name = "organisation_id")
	private Set<Long> reviewers = new HashSet<>();

	protected AnnualReport() {
	}

	AnnualReport(int year, long organisationId, long documentId, Instant now) {
		this.year = year;
		this.organisationId = organisationId;
		this.documentId = documentId;
		this.createdAt = now;
	}

	/** Records a submission of {@code versionNumber}; true when it is the first. A resubmission unpublishes. */
	boolean submit(int versionNumber, Instant now) {
		if (this.submittedVersion != null && this.submittedVersion == versionNumber) {
			throw new IllegalStateException("This version is already submitted");
		}
		boolean first = this.firstSubmittedAt == null;
		this.submittedVersion = versionNumber;
		if (first) {
			this.firstSubmittedAt = now;
		}
		this.lastSubmittedAt = now;
		this.published = false;
		return first;
	}

	/** The sections made public; any section left "KP only" ends a publication. */
	void mark(Set<Integer> publicPositions, int sectionCount) {
		this.publicSections.clear();
		publicPositions.stream().filter((position) -> position >= 0 && position < sectionCount)
			.forEach(this.publicSections::add);
		if (this.publicSections.size() < sectionCount) {
			this.published = false;
		}
	}

	boolean everySectionPublic(int sectionCount) {
		return sectionCount > 0 && this.publicSections.size() == sectionCount;
	}

	void publish() {
		if (this.submittedVersion == null) {
			throw new IllegalStateException("Only a submitted report is published");
		}
		this.published = true;
	}

	void allocate(Set<Long> organisations) {
		this.reviewers.clear();
		this.reviewers.addAll(organisations);
	}

	void attachAssessment(long documentId) {
		this.assessmentDocumentId = documentId;
	}

	void recordOutcome(Outcome outcome, String note, Instant now) {
		this.outcome = outcome;
		this.outcomeNote = note;
		this.outcomeAt = now;
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

	public Long getDocumentId() {
		return this.documentId;
	}

	public Integer getSubmittedVersion() {
		return this.submittedVersion;
	}

	public boolean isSubmitted() {
		return this.submittedVersion != null;
	}

	public Instant getFirstSubmittedAt() {
		return this.firstSubmittedAt;
	}

	public Instant getLastSubmittedAt() {
		return this.lastSubmittedAt;
	}

	public boolean isPublished() {
		return this.published;
	}

	public Long getAssessmentDocumentId() {
		return this.assessmentDocumentId;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public String getOutcomeNote() {
		return this.outcomeNote;
	}

	public Instant getOutcomeAt() {
		return this.outcomeAt;
	}

	public Set<Integer> getPublicSections() {
		return Set.copyOf(this.publicSections);
	}

	public Set<Long> getReviewers() {
		return Set.copyOf(this.reviewers);
	}

	/** Where the review stands, for the compliance board. */
	public String getAssessmentStatus() {
		if (this.outcome != null) {
			return "OUTCOME";
		}
		if (this.assessmentDocumentId != null) {
			return "IN_PROGRESS";
		}
		return this.reviewers.isEmpty() ? "NOT_ALLOCATED" : "ALLOCATED";
	}

}
