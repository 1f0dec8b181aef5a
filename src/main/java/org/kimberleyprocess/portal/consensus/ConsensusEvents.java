package org.kimberleyprocess.portal.consensus;

import java.time.Instant;

/** What the consensus module announces, for notifications and the audit trail. */
public final class ConsensusEvents {

	private ConsensusEvents() {
	}

	public record RoundOpened(long roundId, long documentId, int versionNumber, RoundKind kind, Instant deadline,
			String openedBy) {
	}

	public record PositionRecorded(long roundId, long documentId, long organisationId, Position position,
			boolean onBehalf, String recordedBy, Instant at) {
	}

	public record RoundClosed(long roundId, long documentId, String outcome, String officialNumber, Instant at) {
	}

}
