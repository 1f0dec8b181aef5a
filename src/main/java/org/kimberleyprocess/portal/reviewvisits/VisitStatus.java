package org.kimberleyprocess.portal.reviewvisits;

import java.util.EnumSet;
import java.util.Set;

public enum VisitStatus {

	OFFERED, ACCEPTED, DECLINED, TEAM_FORMING, TEAM_CONFIRMED, SCHEDULED, COMPLETED, DRAFT_REPORT, HOST_COMMENTS,
	REPORT_ADOPTED, FOLLOW_UP_CLOSED, WITHDRAWN, POSTPONED;

	/** Before the visit has taken place: it can still be withdrawn or postponed. */
	static final Set<VisitStatus> BEFORE_COMPLETION = EnumSet.of(OFFERED, ACCEPTED, TEAM_FORMING, TEAM_CONFIRMED,
			SCHEDULED);

	/** What the public register shows: offers, and visits that took place. */
	public boolean isPublic() {
		return this == OFFERED || this == ACCEPTED || this == TEAM_FORMING || this == TEAM_CONFIRMED
				|| this == SCHEDULED || isCompleted();
	}

	public boolean isCompleted() {
		return this == COMPLETED || this == DRAFT_REPORT || this == HOST_COMMENTS || this == REPORT_ADOPTED
				|| this == FOLLOW_UP_CLOSED;
	}

}
