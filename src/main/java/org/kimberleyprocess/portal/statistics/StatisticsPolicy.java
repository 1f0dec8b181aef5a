package org.kimberleyprocess.portal.statistics;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may see and submit statistics: the one place these rules live. A Participant's head or
 * alternate submits its own returns, and its delegation reads them; the Working Group on
 * Statistics' members and the Chair's office see every return, the mirror check and the missing
 * returns; the group's chair closes a year. Anyone reads the figures of a closed year.
 */
@Component("statisticsPolicy")
public class StatisticsPolicy {

	static final String STATISTICS_GROUP = "wgs";

	private static final long NO_GROUP = -1;

	private final DirectoryQueries directory;

	StatisticsPolicy(DirectoryQueries directory) {
		this.directory = directory;
	}

	/** Submitting a return: the Participant's own head or alternate, for itself only. */
	public boolean canSubmitFor(Reader reader, long participantId) {
		return reader.actsForDelegation() && reader.isParticipant() && reader.organisationId() == participantId;
	}

	/** A delegation reads its own returns, whoever of it submitted them. */
	public boolean seesReturnsOf(Reader reader, long participantId) {
		return (reader.delegationMember() && reader.isParticipant() && reader.organisationId() == participantId)
				|| seesGroupViews(reader);
	}

	/** Every Participant's returns, the mirror check and the missing returns. */
	public boolean seesGroupViews(Reader reader) {
		if (!reader.isSignedIn()) {
			return false;
		}
		long group = groupId();
		return reader.chairsOffice() || reader.chairs(group) || reader.belongsTo(group);
	}

	/** Closing a year, which makes its figures public and final. */
	public boolean canCloseYear(Reader reader) {
		return reader.isSignedIn() && reader.chairs(groupId());
	}

	/** The group's id, or one no reader belongs to where the directory has no such group: the rules fail closed. */
	private long groupId() {
		return this.directory.workingGroups()
			.stream()
			.filter((group) -> group.code().equals(STATISTICS_GROUP))
			.findFirst()
			.map(DirectoryQueries.GroupRef::id)
			.orElse(NO_GROUP);
	}

}
