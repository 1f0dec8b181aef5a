package org.kimberleyprocess.portal.consensus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.consensus.ConsensusRound.Eligible;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentVersion;
import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.documents.OwningBody;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Consensus rounds. A round is seen by whoever may see its document; positions are recorded for
 * a Participant by its head of delegation or alternate (or, at a meeting, by the Chair's office
 * on its behalf); a round closes exactly once.
 */
@Service
@Transactional(readOnly = true)
public class ConsensusService {

	private static final Logger log = LoggerFactory.getLogger(ConsensusService.class);

	private final RoundRepository rounds;

	private final PositionRepository positions;

	private final AdoptionRepository adoptions;

	private final DocumentReading documents;

	private final DocumentRecords records;

	private final DirectoryQueries directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ConsensusPolicy policy;

	private final RoundClosing closing;

	ConsensusService(RoundRepository rounds, PositionRepository positions, AdoptionRepository adoptions,
			DocumentReading documents, DocumentRecords records, DirectoryQueries directory, Clock clock, ApplicationEventPublisher events,
			ConsensusPolicy policy, RoundClosing closing) {
		this.policy = policy;
		this.closing = closing;
		this.events = events;
		this.rounds = rounds;
		this.positions = positions;
		this.adoptions = adoptions;
		this.documents = documents;
		this.records = records;
		this.directory = directory;
		this.clock = clock;
	}

	// Reading

	public RoundsPage page(Reader reader, long documentId) {
		Document document = this.documents.visible(reader, documentId);
		List<ConsensusRound> all = this.rounds.findByDocument(documentId);
		ConsensusRound current = all.isEmpty() ? null : all.get(0);
		Map<Long, PositionRecord> positions = new HashMap<>();
		List<PositionRecord> history = List.of();
		if (current != null) {
			positions = this.positions.findCurrent(current.getId())
				.stream()
				.collect(Collectors.toMap(PositionRecord::getOrganisationId, Function.identity()));
			history = this.positions.findHistory(current.getId());
		}
		Instant now = this.clock.instant();
		boolean chairs = this.policy.canRun(reader, document);
		boolean mine = current != null && this.policy.mayRecordOwn(reader, current, now);
		boolean onBehalf = current != null && this.policy.mayRecordOnBehalf(reader, current, now);
		Tally tally = current == null ? null : tally(current, positions);
		boolean ineligible = current != null && this.policy.isIneligibleDelegation(reader, current, now);
		return new RoundsPage(document, all, current, positions, history, tally, chairs, mine, onBehalf, ineligible,
				current != null && current.isOpen() ? null : this.adoptions.findByDocumentId(documentId).orElse(null));
	}

	/**
	 * Open rounds on documents the reader may see, soonest deadline first, each with the position
	 * the reader's delegation has recorded (for a deciding delegation), whether it has yet to act,
	 * and whether the reader closes the round (a meeting round of a body the reader chairs).
	 */
	public List<OpenRound> openRounds(Reader reader) {
		List<ConsensusRound> open = this.rounds.findOpen();
		Map<Long, Document> visible = this.documents
			.visibleAmong(reader, open.stream().map(ConsensusRound::getDocumentId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Document::getId, Function.identity()));
		Map<Long, PositionRecord> mine = (open.isEmpty() || !reader.takesDecisions()) ? Map.of()
				: this.positions
					.findCurrentOfOrganisationIn(open.stream().map(ConsensusRound::getId).toList(),
							reader.organisationId())
					.stream()
					.collect(Collectors.toMap(PositionRecord::getRoundId, Function.identity()));
		Instant now = this.clock.instant();
		List<OpenRound> result = new ArrayList<>();
		for (ConsensusRound round : open) {
			Document document = visible.get(round.getDocumentId());
			if (document != null) {
				PositionRecord position = mine.get(round.getId());
				boolean awaiting = this.policy.mayRecordOwn(reader, round, now) && position == null;
				boolean closes = round.getKind() == RoundKind.MEETING && this.policy.canRun(reader, document);
				result.add(new OpenRound(round, document, awaiting, position, closes,
						reader.takesDecisions() && round.isEligible(reader.organisationId())));
			}
		}
		return result;
	}

	public AdoptionPage adoption(Reader reader, long documentId) {
		this.documents.visible(reader, documentId);
		AdoptionRecord record = this.adoptions.findByDocumentId(documentId).orElseThrow(NotFoundException::new);
		org.hibernate.Hibernate.initialize(record.getEntries());
		DocumentVersion version = this.records.storedVersion(documentId, record.getVersionNumber());
		String recomputed = MarkdownRenderer.sha256(version.getMarkdown());
		return new AdoptionPage(record, recomputed, recomputed.equals(record.getVersionSha256())
				&& recomputed.equals(version.getSha256()));
	}

	/**
	 * The written procedures still open whose deadline falls within the window, each with the
	 * eligible Participants that have not recorded a position: those a reminder goes to.
	 */
	public List<Silent> silentDelegations(Instant from, Instant until) {
		List<ConsensusRound> due = this.rounds.findOpenWrittenDueBetween(from, until);
		List<Silent> result = new ArrayList<>();
		Set<Long> active = due.isEmpty() ? Set.of() : activeParticipants();
		for (ConsensusRound round : due) {
			java.util.Set<Long> answered = this.positions.findCurrent(round.getId())
				.stream()
				.map(PositionRecord::getOrganisationId)
				.collect(Collectors.toSet());
			result.add(new Silent(round.getId(), round.getDocumentId(), round.getDeadline(),
					round.getEligible()
						.stream()
						.map(ConsensusRound.Eligible::getOrganisationId)
						.filter((organisation) -> !answered.contains(organisation) && active.contains(organisation))
						.toList()));
		}
		return result;
	}

	/** The Participants eligible in the round, as it was opened. */
	public List<Long> eligibleOf(long roundId) {
		return this.rounds.findById(roundId)
			.map((round) -> round.getEligible().stream().map(ConsensusRound.Eligible::getOrganisationId).toList())
			.orElse(List.of());
	}

	public record Silent(long roundId, long documentId, Instant deadline, List<Long> organisations) {
	}

	/** The record of the document's adoption, if it was adopted: for publishing what was adopted. */
	public java.util.Optional<AdoptionRecord> adoptionOf(long documentId) {
		return this.adoptions.findByDocumentId(documentId);
	}

	public RoundsPage round(Reader reader, long documentId, long roundId) {
		RoundsPage page = page(reader, documentId);
		if (page.rounds().stream().noneMatch((r) -> r.getId() == roundId)) {
			throw new NotFoundException();
		}
		return page;
	}

	// Acting

	@Transactional
	public long open(Reader reader, long documentId, RoundKind kind, LocalDateTime deadlineLocal, String zone) {
		Document document = this.documents.visible(reader, documentId);
		if (!this.policy.canRun(reader, document)) {
			throw new AccessDeniedException("Rounds are opened by the chair of the owning body");
		}
		Instant now = this.clock.instant();
		Instant deadline = null;
		if (kind == RoundKind.WRITTEN) {
			if (deadlineLocal == null) {
				throw new InvalidInputException("deadline", "consensus.deadline.required");
			}
			ZoneId zoneId;
			try {
				zoneId = ZoneId.of(StringUtils.hasText(zone) ? zone : "UTC");
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("zone", "consensus.zone.unknown");
			}
			deadline = deadlineLocal.atZone(zoneId).toInstant();
			if (!deadline.isAfter(now)) {
				throw new InvalidInputException("deadline", "consensus.deadline.past");
			}
			zone = zoneId.getId();
		}
		else {
			zone = null;
		}
		DocumentVersion version = this.records.freezeForConsensus(documentId, document.getCurrentVersion());
		List<Eligible> eligible = eligibleFor(document)
			.stream()
			.map((ref) -> new Eligible(ref.id(), ref.name()))
			.toList();
		ConsensusRound round = new ConsensusRound(documentId, version.getNumber(), version.getSha256(), kind, deadline,
				zone, reader.name(), now, eligible);
		this.rounds.save(round);
		this.events.publishEvent(new ConsensusEvents.RoundOpened(round.getId(), documentId, version.getNumber(), kind,
				deadline, reader.name()));
		return round.getId();
	}

	@Transactional
	public void withdraw(Reader reader, long documentId, long roundId) {
		roundOf(reader, documentId, roundId);
		requireChair(reader, documentId);
		if (!this.closing.withdraw(roundId, reader.name())) {
			throw new InvalidInputException(null, "consensus.round.notOpen");
		}
	}

	/**
	 * Records a Participant's position. Recordings on the same round are serialised by the
	 * round's row lock, so many delegations recording at the same moment all land.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public void record(Reader reader, long documentId, long roundId, long organisationId, Position position,
			String reason) {
		ConsensusRound round = roundOf(reader, documentId, roundId);
		if (!this.policy.mayRecord(reader, round, organisationId)) {
			throw new AccessDeniedException("Not a representative of this Participant");
		}
		boolean onBehalf = organisationId != reader.organisationId() || !reader.actsForDelegation();
		if (!round.isEligible(organisationId) || !activeParticipants().contains(organisationId)) {
			throw new InvalidInputException("position", "consensus.position.notEligible");
		}
		if (position == Position.OBJECT && !StringUtils.hasText(reason)) {
			throw new InvalidInputException("reason", "consensus.position.reasonRequired");
		}
		String status = this.rounds.lockStatus(roundId).orElseThrow(NotFoundException::new);
		if (!RoundStatus.OPEN.name().equals(status)) {
			throw new InvalidInputException("position", "consensus.round.notOpen");
		}
		Instant now = this.clock.instant();
		if (!ConsensusPolicy.acceptsPositions(round, now)) {
			throw new InvalidInputException("position", "consensus.position.afterDeadline");
		}
		// A reason belongs to the position it was written for: joining carries none, whatever the form
		// sent (a reason typed for an earlier objection would otherwise be shown beside the join).
		String kept = position != Position.JOIN && StringUtils.hasText(reason) ? reason.strip() : null;
		this.positions.supersede(roundId, organisationId);
		this.positions.save(new PositionRecord(roundId, organisationId, position,
				kept, reader.accountId(), reader.name(), onBehalf, now,
				round.getVersionSha256()));
		this.events.publishEvent(new ConsensusEvents.PositionRecorded(roundId, documentId, organisationId, position,
				onBehalf, reader.name(), now));
	}

	/** The Chair closes a meeting round; the outcome follows from the positions. */
	@Transactional
	public RoundOutcome closeMeeting(Reader reader, long documentId, long roundId) {
		ConsensusRound round = roundOf(reader, documentId, roundId);
		requireChair(reader, documentId);
		if (round.getKind() != RoundKind.MEETING) {
			throw new InvalidInputException(null, "consensus.close.writtenClosesItself");
		}
		RoundOutcome outcome = this.closing.close(roundId, reader.name());
		if (outcome == null) {
			throw new InvalidInputException(null, "consensus.round.notOpen");
		}
		return outcome;
	}

	/**
	 * Closes every written procedure whose deadline has passed, each in its own transaction: a
	 * round that cannot be closed now is left for the next pass and does not hold back the
	 * others. Safe to run on several nodes at once.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public int closeDueRounds() {
		int closed = 0;
		for (long id : this.rounds.findDue(this.clock.instant())) {
			try {
				if (this.closing.close(id, null) != null) {
					closed++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Consensus round {} could not be closed at its deadline; the next pass tries again", id, ex);
			}
		}
		return closed;
	}

	private static Tally tally(ConsensusRound round, Map<Long, PositionRecord> current) {
		return Tally.of(round.getEligible().stream().map(Eligible::getOrganisationId).toList(),
				current.values()
					.stream()
					.collect(Collectors.toMap(PositionRecord::getOrganisationId, PositionRecord::getPosition)));
	}

	/**
	 * Who decides on the document: for a working group's text, the group's member Participants
	 * that take decisions (its Observers and observer-standing members do not); otherwise every
	 * active Participant.
	 */
	private List<OrganisationRef> eligibleFor(Document document) {
		if (document.getOwningBody() == OwningBody.WORKING_GROUP && document.getWorkingGroupId() != null) {
			return this.directory.decidingMembersOf(document.getWorkingGroupId());
		}
		return this.directory.activeParticipants();
	}

	private Set<Long> activeParticipants() {
		return this.directory.activeParticipants().stream().map(OrganisationRef::id).collect(Collectors.toSet());
	}

	private ConsensusRound roundOf(Reader reader, long documentId, long roundId) {
		this.documents.visible(reader, documentId);
		ConsensusRound round = this.rounds.findById(roundId).orElseThrow(NotFoundException::new);
		if (round.getDocumentId() != documentId) {
			throw new NotFoundException();
		}
		return round;
	}

	private void requireChair(Reader reader, long documentId) {
		if (!this.policy.canRun(reader, this.documents.visible(reader, documentId))) {
			throw new AccessDeniedException("Rounds are run by the chair of the owning body");
		}
	}

	public record RoundsPage(Document document, List<ConsensusRound> rounds, ConsensusRound current,
			Map<Long, PositionRecord> positions, List<PositionRecord> history, Tally tally, boolean chairs,
			boolean mayRecordOwn, boolean mayRecordOnBehalf, boolean ineligibleDelegation, AdoptionRecord adoption) {

		/**
		 * What the matrix and the history of the current round depend on, shown with a filter:
		 * the round as it stands (its version changes when it closes) and how many positions it
		 * has recorded (they are only ever added), the same for every reader who may open it.
		 */
		public MatrixKey matrixKey(String show) {
			return new MatrixKey(this.current.getId(), this.current.revision(), this.history.size(), show);
		}

		public PositionRecord positionOf(long organisationId) {
			return this.positions.get(organisationId);
		}

		public String participantName(long organisationId, java.util.Locale locale) {
			return this.current.getEligible()
				.stream()
				.filter((e) -> e.getOrganisationId() == organisationId)
				.map((e) -> e.name(locale))
				.findFirst()
				.orElse("");
		}

	}

	/**
	 * An open round as a list shows it to one reader.
	 *
	 * @param position the reader's delegation's current position, or {@code null}
	 * @param closes whether the reader closes this meeting round
	 * @param decides whether the reader's delegation takes part in the decision
	 */
	public record OpenRound(ConsensusRound round, Document document, boolean awaitingMyDelegation,
			PositionRecord position, boolean closes, boolean decides) {
	}

	/** A round's matrix at one revision, filtered. */
	public record MatrixKey(long round, long revision, int recorded, String show) {
	}

	public record AdoptionPage(AdoptionRecord record, String recomputedSha256, boolean matches) {
	}

}
