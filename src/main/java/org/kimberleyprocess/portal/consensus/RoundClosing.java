package org.kimberleyprocess.portal.consensus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.consensus.ConsensusRound.Eligible;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentStatus;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Ends a round exactly once, in a transaction of its own: under the round's row lock it reads
 * the status afresh, so of several nodes or a Chair and the deadline trying at the same moment
 * only the first ends it; the others find it ended and do nothing. On a Galera cluster, where
 * the row lock holds on one database node only, the loser fails certification at commit and, on
 * its retry, finds the round ended.
 * <p>
 * What other modules do about an ended round (the chair schedule, review visits, communiqués,
 * notifications) follows from {@link ConsensusEvents.RoundClosed} after the commit, through the
 * event publication registry, so a failing follower is retried and cannot undo the closing.
 */
@Component
class RoundClosing {

	private static final Logger log = LoggerFactory.getLogger(RoundClosing.class);

	@PersistenceContext
	private EntityManager entityManager;

	private final PositionRepository positions;

	private final AdoptionRepository adoptions;

	private final DocumentRecords records;

	private final DirectoryQueries directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RoundClosing(PositionRepository positions, AdoptionRepository adoptions, DocumentRecords records,
			DirectoryQueries directory, Clock clock, ApplicationEventPublisher events) {
		this.positions = positions;
		this.adoptions = adoptions;
		this.records = records;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Closes the round with the outcome its positions give: every deciding Participant that did
	 * not object joins or is deemed to (silence is assent). Returns null when the round had
	 * already ended.
	 */
	@Transactional
	RoundOutcome close(long roundId, String byName) {
		ConsensusRound round = lockedOpen(roundId);
		if (round == null) {
			return null;
		}
		Instant now = this.clock.instant();
		Map<Long, PositionRecord> current = this.positions.findCurrent(roundId)
			.stream()
			.filter((position) -> ConsensusPolicy.counts(round, position))
			.collect(Collectors.toMap(PositionRecord::getOrganisationId, Function.identity()));
		List<Eligible> deciding = ConsensusPolicy.deciding(round, activeParticipants());
		current.keySet().retainAll(deciding.stream().map(Eligible::getOrganisationId).toList());
		Tally tally = Tally.of(deciding.stream().map(Eligible::getOrganisationId).toList(),
				current.values()
					.stream()
					.collect(Collectors.toMap(PositionRecord::getOrganisationId, PositionRecord::getPosition)));
		RoundOutcome outcome = RoundOutcome.of(tally);
		round.close(outcome, byName, now);
		String number = this.records.settleConsensus(round.getDocumentId(), outcome.documentStatus());
		if (outcome == RoundOutcome.ADOPTED) {
			List<AdoptionRecord.Entry> entries = new ArrayList<>();
			int order = 0;
			for (Eligible participant : deciding) {
				PositionRecord position = current.get(participant.getOrganisationId());
				entries.add(new AdoptionRecord.Entry(order++, participant.getName(),
						position == null ? "DEEMED" : position.getPosition().name(),
						position == null ? null : position.getRecordedByName(),
						position == null ? null : position.getRecordedAt()));
			}
			String title = this.records.storedVersion(round.getDocumentId(), round.getVersionNumber()).getTitle();
			this.adoptions.save(new AdoptionRecord(round, number, title, tally, entries));
		}
		this.events.publishEvent(new ConsensusEvents.RoundClosed(roundId, round.getDocumentId(), RoundStatus.CLOSED,
				outcome, number, now));
		log.info("Consensus round {} closed: {}", roundId, outcome);
		return outcome;
	}

	/** Withdraws the open round: the text goes back to circulation. Returns false when it had already ended. */
	@Transactional
	boolean withdraw(long roundId, String byName) {
		ConsensusRound round = lockedOpen(roundId);
		if (round == null) {
			return false;
		}
		Instant now = this.clock.instant();
		round.withdraw(byName, now);
		this.records.settleConsensus(round.getDocumentId(), DocumentStatus.CIRCULATED);
		this.events.publishEvent(new ConsensusEvents.RoundClosed(roundId, round.getDocumentId(),
				RoundStatus.WITHDRAWN, null, null, now));
		log.info("Consensus round {} withdrawn", roundId);
		return true;
	}

	/** The round, read afresh under its row lock, or null when it is no longer open. */
	private ConsensusRound lockedOpen(long roundId) {
		ConsensusRound round = this.entityManager.find(ConsensusRound.class, roundId);
		if (round == null) {
			throw new NotFoundException();
		}
		this.entityManager.refresh(round, LockModeType.PESSIMISTIC_WRITE);
		return round.isOpen() ? round : null;
	}

	private Set<Long> activeParticipants() {
		return this.directory.activeParticipants().stream().map(OrganisationRef::id).collect(Collectors.toSet());
	}

}
