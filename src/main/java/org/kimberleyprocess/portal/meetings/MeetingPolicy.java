package org.kimberleyprocess.portal.meetings;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may see and prepare meetings: the one place these rules live. Plenary and Intersessional
 * meetings are seen by Participants, Observers, the secretariat and the Chair's office; a
 * working group's meetings by the group's members and its chair (and the Chair's office); guests
 * and applicants see only the meetings they are registered for. Nobody signed out sees any.
 * The reading rule is a query condition ({@link #VISIBLE}) on {@code m}, so the list, the page,
 * search, the calendar feed and notifications all apply the same rule.
 */
@Component("meetingPolicy")
public class MeetingPolicy {

	static final String VISIBLE = "(:signedIn = true and (:chair = true"
			+ " or (m.workingGroupId is null and :audience in ('PARTICIPANT', 'OBSERVER', 'SECRETARIAT'))"
			+ " or (m.workingGroupId in :groups and :audience in ('PARTICIPANT', 'OBSERVER'))"
			+ " or m.workingGroupId in :chairedGroups"
			+ " or exists (select r.id from Registration r where r.meetingId = m.id and r.accountId = :account)))";

	/** Preparing a meeting: the Chair's office for any, a group's chair for its group's. */
	public boolean canPrepare(Reader reader, Meeting.Kind kind, Long workingGroupId) {
		if (kind == Meeting.Kind.WORKING_GROUP) {
			return reader.chairsOffice() || (workingGroupId != null && reader.chairs(workingGroupId));
		}
		return reader.chairsOffice();
	}

	/** Whether the reader may prepare any meeting at all, for the link to the form. */
	public boolean mayPrepareAny(Reader reader) {
		return reader.chairsOffice() || reader.chairsAnyGroup();
	}

	/** The agenda and its outcomes are kept by the Chair's office. */
	public boolean canManageAgenda(Reader reader) {
		return reader.chairsOffice();
	}

}
