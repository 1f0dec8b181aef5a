package org.kimberleyprocess.portal.annualreports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One submission of a report: the version, who submitted it and when; kept for every resubmission. */
@Entity
@Table(name = "annual_report_submission")
public class Submission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long reportId;

	private int versionNumber;

	private long submittedBy;

	@Column(name = "submitter_name")
	private String submitterName;

	private Instant submittedAt;

	private boolean resubmission;

	protected Submission() {
	}

	Submission(long reportId, int versionNumber, long submittedBy, String submitterName, Instant submittedAt,
			boolean resubmission) {
		this.reportId = reportId;
		this.versionNumber = versionNumber;
		this.submittedBy = submittedBy;
		this.submitterName = submitterName;
		this.submittedAt = submittedAt;
		this.resubmission = resubmission;
	}

	public int getVersionNumber() {
		return this.versionNumber;
	}

	public String getSubmitterName() {
		return this.submitterName;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public boolean isResubmission() {
		return this.resubmission;
	}

}
