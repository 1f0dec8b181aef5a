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

	/**
	 * A round ended: closed with an outcome, or withdrawn (status {@link RoundStatus#WITHDRAWN},
	 * no outcome). Its followers in other modules run after the closing commits, from the event
	 * publication registry, so a failing follower is retried and never undoes the closing.
	 */
	public record RoundClosed(long roundId, long documentId, RoundStatus status, RoundOutcome outcome,
			String officialNumber, Instant at) {

		public boolean adopted() {
			return this.outcome == RoundOutcome.ADOPTED;
		}

	}

}
