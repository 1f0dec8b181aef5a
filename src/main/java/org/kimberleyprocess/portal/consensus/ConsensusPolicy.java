package org.kimberleyprocess.portal.consensus;

import java.time.Instant;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentPolicy;

/**
 * Who may run rounds and record positions, and which positions count: the one place these rules
 * live. A round is seen by whoever may read its document ({@link DocumentPolicy}); it is run by
 * the chair of the owning body; a delegation's head or alternate records its own position while
 * its Participant is eligible; the Chair's office records on a delegation's behalf at a meeting.
 * A written procedure takes no position from its deadline on, whatever the closing job has done.
 */
@Component("consensusPolicy")
public class ConsensusPolicy {

	private final DocumentPolicy documents;

	ConsensusPolicy(DocumentPolicy documents) {
		this.documents = documents;
	}

	/** Opening, withdrawing and closing rounds: the chair of the body that owns the document. */
	public boolean canRun(Reader reader, Document document) {
		return this.documents.chairsOwningBody(reader, document);
	}

	/**
	 * Recording one's own delegation's position: its head or alternate, while its Participant is
	 * eligible in the round and still takes decisions (one suspended since the round opened does not).
	 */
	public boolean mayRecordOwn(Reader reader, ConsensusRound round, Instant now) {
		return acceptsPositions(round, now) && reader.actsForDelegation() && reader.takesDecisions()
				&& round.isEligible(reader.organisationId());
	}

	/** At a meeting the Chair's office records what a delegation says in the room. */
	public boolean mayRecordOnBehalf(Reader reader, ConsensusRound round, Instant now) {
		return acceptsPositions(round, now) && round.getKind() == RoundKind.MEETING && reader.chairsOffice();
	}

	/** Whether the reader may record this Participant's position in the round. */
	public boolean mayRecord(Reader reader, ConsensusRound round, long organisationId) {
		boolean own = organisationId == reader.organisationId() && reader.actsForDelegation();
		return own || (round.getKind() == RoundKind.MEETING && reader.chairsOffice());
	}

	/** A delegation head whose Participant is not eligible in the open round: it is told why. */
	public boolean isIneligibleDelegation(Reader reader, ConsensusRound round, Instant now) {
		return acceptsPositions(round, now) && reader.actsForDelegation()
				&& (!reader.takesDecisions() || !round.isEligible(reader.organisationId()));
	}

	/**
	 * An open round takes positions; a written procedure only before its deadline: at the
	 * deadline instant silence becomes assent, whether or not the round has been closed yet.
	 */
	public static boolean acceptsPositions(ConsensusRound round, Instant now) {
		return round.isOpen() && (round.getDeadline() == null || now.isBefore(round.getDeadline()));
	}

	/**
	 * Who decides when the round closes: the Participants eligible when it opened that still take
	 * decisions (a Participant suspended meanwhile neither objects nor is deemed to agree).
	 */
	static java.util.List<ConsensusRound.Eligible> deciding(ConsensusRound round, java.util.Set<Long> active) {
		return round.getEligible().stream().filter((e) -> active.contains(e.getOrganisationId())).toList();
	}

	/** A position counts in the outcome only if it was recorded before the deadline. */
	static boolean counts(ConsensusRound round, PositionRecord position) {
		return round.getDeadline() == null || position.getRecordedAt().isBefore(round.getDeadline());
	}

}
