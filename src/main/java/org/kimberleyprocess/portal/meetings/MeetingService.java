package org.kimberleyprocess.portal.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.ConsensusService.OpenRound;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentService;
import org.kimberleyprocess.portal.documents.Viewer;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Meetings and their agendas. Any signed-in person sees the meetings; an agenda item's document
 * is linked only for readers who may see it. The Chair's office prepares meetings and records
 * what each item came to; during the meeting it walks the agenda to each document's rounds.
 */
@Service
@Transactional(readOnly = true)
public class MeetingService {

	private final MeetingRepository meetings;

	private final AgendaItemRepository items;

	private final DirectoryQueries directory;

	private final DocumentService documents;

	private final ConsensusService consensus;

	MeetingService(MeetingRepository meetings, AgendaItemRepository items, DirectoryQueries directory,
			DocumentService documents, ConsensusService consensus) {
		this.meetings = meetings;
		this.items = items;
		this.directory = directory;
		this.documents = documents;
		this.consensus = consensus;
	}

	public List<MeetingRow> list() {
		Map<Long, OrganisationRef> organisations = organisations();
		return this.meetings.findAllByOrderByStartDateDesc()
			.stream()
			.map((meeting) -> new MeetingRow(meeting, organisations.get(meeting.getHostOrganisationId())))
			.toList();
	}

	public MeetingPage meeting(Viewer viewer, long id) {
		Meeting meeting = this.meetings.findById(id).orElseThrow(NotFoundException::new);
		List<AgendaItem> agenda = this.items.findByMeeting(id);
		Map<Long, Document> visible = this.documents
			.visibleAmong(viewer,
					agenda.stream().map(AgendaItem::getDocumentId).filter(Objects::nonNull).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Document::getId, Function.identity()));
		Map<Long, OpenRound> rounds = this.consensus.openRounds(viewer)
			.stream()
			.collect(Collectors.toMap((round) -> round.document().getId(), Function.identity(), (a, b) -> a));
		return new MeetingPage(meeting, organisations().get(meeting.getHostOrganisationId()),
				agenda.stream()
					.map((item) -> new Item(item, item.getDocumentId() == null ? null : visible.get(item.getDocumentId()),
							item.getDocumentId() == null ? null : rounds.get(item.getDocumentId())))
					.toList(),
				viewer.chairsOffice());
	}

	@Transactional
	public long create(Viewer viewer, Meeting.Kind kind, String title, Long hostOrganisationId, String place,
			LocalDate start, LocalDate end) {
		requireChairsOffice(viewer);
		if (end.isBefore(start)) {
			throw new InvalidInputException("end", "meeting.dates.endBeforeStart");
		}
		return this.meetings.save(new Meeting(kind, title.strip(), hostOrganisationId, place.strip(), start, end)).getId();
	}

	@Transactional
	public void addItem(Viewer viewer, long meetingId, String title, Long documentId) {
		requireChairsOffice(viewer);
		this.meetings.findById(meetingId).orElseThrow(NotFoundException::new);
		if (documentId != null) {
			try {
				this.documents.visible(viewer, documentId);
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("document", "meeting.item.unknownDocument");
			}
		}
		int next = this.items.findByMeeting(meetingId).stream().mapToInt(AgendaItem::getPosition).max().orElse(0) + 1;
		this.items.save(new AgendaItem(meetingId, next, title.strip(), documentId));
	}

	@Transactional
	public void recordOutcome(Viewer viewer, long meetingId, long itemId, String outcome) {
		requireChairsOffice(viewer);
		AgendaItem item = this.items.findById(itemId)
			.filter((candidate) -> candidate.getMeetingId() == meetingId)
			.orElseThrow(NotFoundException::new);
		item.recordOutcome(outcome.strip());
	}

	/** The Plenary and Intersessional meetings, latest first: those a communiqué reports on. */
	public List<Meeting> communiqueMeetings() {
		return this.meetings.findAllByOrderByStartDateDesc()
			.stream()
			.filter((meeting) -> meeting.getKind() != Meeting.Kind.WORKING_GROUP)
			.toList();
	}

	/** The meeting, or not found. */
	public Meeting find(long id) {
		return this.meetings.findById(id).orElseThrow(NotFoundException::new);
	}

	/** The documents the meeting's agenda took up. */
	public List<Long> agendaDocuments(long meetingId) {
		return this.items.findByMeeting(meetingId)
			.stream()
			.map(AgendaItem::getDocumentId)
			.filter(Objects::nonNull)
			.toList();
	}

	/** Links the meeting to the communiqué that reports its outcome. */
	@Transactional
	public void reportedBy(long meetingId, String communiquePath, String communiqueTitle) {
		find(meetingId).reportedBy(communiquePath, communiqueTitle);
	}

	private static void requireChairsOffice(Viewer viewer) {
		if (!viewer.chairsOffice()) {
			throw new AccessDeniedException("Meetings are prepared by the Chair's office");
		}
	}

	private Map<Long, OrganisationRef> organisations() {
		return this.directory.organisations()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
	}

	public record MeetingRow(Meeting meeting, OrganisationRef host) {
	}

	public record Item(AgendaItem item, Document document, OpenRound openRound) {
	}

	public record MeetingPage(Meeting meeting, OrganisationRef host, List<Item> agenda, boolean chairsOffice) {
	}

}

interface MeetingRepository extends JpaRepository<Meeting, Long> {

	List<Meeting> findAllByOrderByStartDateDesc();

}

interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

	@Query("select i from AgendaItem i where i.meetingId = :meetingId order by i.position")
	List<AgendaItem> findByMeeting(@Param("meetingId") long meetingId);

}
