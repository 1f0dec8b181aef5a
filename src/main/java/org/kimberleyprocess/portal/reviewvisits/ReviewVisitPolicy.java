package org.kimberleyprocess.portal.reviewvisits;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may see and act on review visits: the one place these rules live. The public register
 * (visits offered, under way or completed, with host, year and dates) is for anyone; the detailed
 * status, scope, contact, team and timeline, and visits withdrawn, declined or postponed, are the
 * peer review's business: the members of the scheme (Participants, suspended ones included),
 * Observers, the secretariat and the Chair's office. Guests and applicants see what the public
 * sees. The host's head or alternate and the chair of the Working
 * Group on Monitoring move a visit through its steps; the Chair's office publishes a report.
 */
@Component("reviewVisitPolicy")
public class ReviewVisitPolicy {

	private static final Set<VisitStatus> PUBLIC = EnumSet
		.copyOf(Arrays.stream(VisitStatus.values()).filter(VisitStatus::isPublic).toList());

	/** Whether the reader takes part in peer review, and so sees its internal steps. */
	public boolean takesPartInReview(Reader reader) {
		return reader.isParticipant() || reader.isObserver() || reader.chairsOffice()
				|| reader.organisationKind() == org.kimberleyprocess.portal.directory.OrganisationKind.SECRETARIAT;
	}

	/** The statuses of the visits the register shows the reader. */
	Set<VisitStatus> shownStatuses(Reader reader) {
		return takesPartInReview(reader) ? EnumSet.allOf(VisitStatus.class) : PUBLIC;
	}

	boolean canSee(Reader reader, ReviewVisit visit) {
		return visit.getStatus().isPublic() || takesPartInReview(reader);
	}

	/** The team, the timeline and the scope: for those who take part in peer review. */
	public boolean seesInternals(Reader reader) {
		return takesPartInReview(reader);
	}

	boolean isMonitoringChair(Reader reader, Long monitoringGroupId) {
		return monitoringGroupId != null && reader.chairs(monitoringGroupId);
	}

	boolean isHost(Reader reader, ReviewVisit visit) {
		return reader.actsForDelegation() && reader.organisationId() == visit.getHostOrganisationId();
	}

	/** Offering a visit: a head or alternate of a delegation. */
	public boolean mayOffer(Reader reader) {
		return reader.actsForDelegation();
	}

	/** Experts from other Participants' delegations and Observers volunteer for a team. */
	boolean mayVolunteer(Reader reader, ReviewVisit visit) {
		if (!reader.isSignedIn() || reader.organisationId() == visit.getHostOrganisationId()) {
			return false;
		}
		return (reader.delegationMember() && reader.isParticipant()) || reader.isObserver();
	}

	boolean mayPublishReport(Reader reader) {
		return reader.chairsOffice();
	}

}
