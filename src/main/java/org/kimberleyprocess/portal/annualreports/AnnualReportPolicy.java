package org.kimberleyprocess.portal.annualreports;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may do what with annual reports: the one place these rules live. The Working Group on
 * Monitoring's chair keeps the template and runs the review; a Participant's delegation drafts
 * and marks its report, its head or alternate submits and publishes it; reviewing delegations
 * write the assessment; the WGM's members and the Chair's office see the compliance board.
 * The report itself is Participants-only (the documents module's rule); Observers that belong to
 * the WGM read only its public sections here, and everyone else only a published report.
 */
@Component("annualReportPolicy")
public class AnnualReportPolicy {

	/** The annual-report pages are for Participants, Observers and the Chair's office; the register is for anyone. */
	public boolean usesAnnualReports(Reader reader) {
		return reader.isParticipant() || reader.isObserver() || reader.chairsOffice();
	}

	public boolean keepsTemplate(Reader reader, long monitoringGroup) {
		return reader.chairs(monitoringGroup);
	}

	/** A delegation member of an active Participant starts and drafts its own report. */
	public boolean draftsFor(Reader reader, long organisationId) {
		return reader.takesDecisions() && reader.delegationMember() && reader.organisationId() == organisationId;
	}

	/** Its head or alternate submits and publishes it. */
	public boolean speaksFor(Reader reader, long organisationId) {
		return reader.actsForDelegation() && reader.organisationId() == organisationId;
	}

	/** Whole reports, once submitted: the scheme's members and the Chair's office, as the document's confidentiality says. */
	public boolean readsWholeReports(Reader reader) {
		return reader.isParticipant() || reader.chairsOffice();
	}

	/** The public sections of a submitted report: Observers that are members of the WGM. */
	public boolean readsPublicSections(Reader reader, long monitoringGroup) {
		return reader.isObserver() && reader.belongsTo(monitoringGroup);
	}

	public boolean seesCompliance(Reader reader, long monitoringGroup) {
		return reader.chairsOffice() || reader.belongsTo(monitoringGroup) || reader.chairs(monitoringGroup);
	}

	public boolean reviews(Reader reader, AnnualReport report) {
		return reader.delegationMember() && report.getReviewers().contains(reader.organisationId());
	}

	/** The page of a report: whom it concerns, and what of it each reader may see. */
	public boolean canOpen(Reader reader, AnnualReport report, long monitoringGroup) {
		if (report.isPublished() || reader.organisationId() == report.getOrganisationId() && reader.isSignedIn()) {
			return true;
		}
		if (!report.isSubmitted()) {
			return reader.chairsOffice();
		}
		return readsWholeReports(reader) || readsPublicSections(reader, monitoringGroup)
				|| reader.chairs(monitoringGroup);
	}

}
