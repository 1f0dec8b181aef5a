package org.kimberleyprocess.portal.reviewvisits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Participant's offer to receive a review visit, and the visit that follows. */
@Entity
@Table(name = "review_visit")
public class ReviewVisit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long hostOrganisationId;

	private int preferredYear;

	private String preferredPeriod;

	private String scope;

	private String contactPerson;

	private String remarks;

	@Enumerated(EnumType.STRING)
	private VisitStatus status;

	private LocalDate startDate;

	private LocalDate endDate;

	private LocalDate reportDue;

	private Long reportDocumentId;

	private boolean hostConsents;

	private boolean reportPublic;

	private Instant createdAt;

	@Version
	private long version;

	protected ReviewVisit() {
	}

	ReviewVisit(long hostOrganisationId, int preferredYear, String preferredPeriod, String scope,
			String contactPerson, String remarks, Instant now) {
		this.hostOrganisationId = hostOrganisationId;
		this.preferredYear = preferredYear;
		this.preferredPeriod = preferredPeriod;
		this.scope = scope;
		this.contactPerson = contactPerson;
		this.remarks = remarks;
		this.status = VisitStatus.OFFERED;
		this.createdAt = now;
	}

	/** Moves to {@code to} if the visit is in one of the states that allow it. */
	VisitStatus move(VisitStatus to, Set<VisitStatus> from) {
		if (!from.contains(this.status)) {
			throw new IllegalStateException("Cannot go from " + this.status + " to " + to);
		}
		VisitStatus previous = this.status;
		this.status = to;
		return previous;
	}

	void schedule(LocalDate start, LocalDate end) {
		this.startDate = start;
		this.endDate = end;
	}

	void complete(int reportMonths) {
		this.reportDue = this.endDate.plusMonths(reportMonths);
	}

	void attachReport(long documentId) {
		this.reportDocumentId = documentId;
	}

	void consentToPublication() {
		this.hostConsents = true;
	}

	void publishReport() {
		this.reportPublic = true;
	}

	/** The report is late once its due date has passed and it has not been adopted. */
	public boolean isReportOverdue(LocalDate today) {
		return this.reportDue != null && today.isAfter(this.reportDue)
				&& (this.status == VisitStatus.COMPLETED || this.status == VisitStatus.DRAFT_REPORT
						|| this.status == VisitStatus.HOST_COMMENTS);
	}

	public Long getId() {
		return this.id;
	}

	public long getHostOrganisationId() {
		return this.hostOrganisationId;
	}

	public int getPreferredYear() {
		return this.preferredYear;
	}

	public String getPreferredPeriod() {
		return this.preferredPeriod;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getScope() {
		return this.scope;
	}

	public String getContactPerson() {
		return this.contactPerson;
	}

	public String getRemarks() {
		return this.remarks;
	}

	public VisitStatus getStatus() {
		return this.status;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public LocalDate getReportDue() {
		return this.reportDue;
	}

	public Long getReportDocumentId() {
		return this.reportDocumentId;
	}

	public boolean isHostConsents() {
		return this.hostConsents;
	}

	public boolean isReportPublic() {
		return this.reportPublic;
	}

	public long getVersion() {
		return this.version;
	}

}
