package org.kimberleyprocess.portal.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.consensus.ConsensusService.OpenRound;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.DirectoryQueries.Attendee;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;
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

	private final DocumentReading documents;

	private final ConsensusService consensus;

	private final java.time.Clock clock;

	private final RegistrationRepository registrations;

	private final MeetingPolicy policy;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	MeetingService(MeetingRepository meetings, AgendaItemRepository items, RegistrationRepository registrations,
			DirectoryQueries directory, DocumentReading documents, ConsensusService consensus, java.time.Clock clock,
			org.springframework.context.ApplicationEventPublisher publisher, MeetingPolicy policy) {
		this.policy = policy;
		this.publisher = publisher;
		this.registrations = registrations;
		this.clock = clock;
		this.meetings = meetings;
		this.items = items;
		this.directory = directory;
		this.documents = documents;
		this.consensus = consensus;
	}

	/** The meetings the reader may see, latest first. */
	public List<MeetingRow> list(Reader reader) {
		Map<Long, OrganisationRef> organisations = organisations();
		return visible(reader)
			.stream()
			.map((meeting) -> new MeetingRow(meeting, organisations.get(meeting.getHostOrganisationId())))
			.toList();
	}

	public MeetingPage meeting(Reader reader, long id) {
		Meeting meeting = visible(reader, id);
		List<AgendaItem> agenda = this.items.findByMeeting(id);
		Map<Long, Document> visible = this.documents
			.visibleAmong(reader,
					agenda.stream().map(AgendaItem::getDocumentId).filter(Objects::nonNull).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Document::getId, Function.identity()));
		Map<Long, OpenRound> rounds = this.consensus.openRounds(reader)
			.stream()
			.collect(Collectors.toMap((round) -> round.document().getId(), Function.identity(), (a, b) -> a));
		return new MeetingPage(meeting, organisations().get(meeting.getHostOrganisationId()),
				agenda.stream()
					.map((item) -> new Item(item, item.getDocumentId() == null ? null : visible.get(item.getDocumentId()),
							item.getDocumentId() == null ? null : rounds.get(item.getDocumentId())))
					.toList(),
				this.policy.canManageAgenda(reader));
	}

	@Transactional
	public long create(Reader reader, Meeting.Kind kind, Localized title, Long hostOrganisationId, Localized place,
			LocalDate start, LocalDate end) {
		return create(reader, kind, title, hostOrganisationId, null, place, start, end);
	}

	/**
	 * Prepares a meeting: the Chair's office for any meeting, a working group's chair for a
	 * meeting of the group it chairs.
	 */
	@Transactional
	public long create(Reader reader, Meeting.Kind kind, Localized title, Long hostOrganisationId, Long workingGroupId,
			Localized place, LocalDate start, LocalDate end) {
		Long group = (kind == Meeting.Kind.WORKING_GROUP) ? workingGroupId : null;
		if (kind == Meeting.Kind.WORKING_GROUP && group == null) {
			throw new InvalidInputException("group", "meeting.group.required");
		}
		if (!this.policy.canPrepare(reader, kind, group)) {
			throw new AccessDeniedException("Meetings are prepared by the Chair's office or the group's chair");
		}
		if (end.isBefore(start)) {
			throw new InvalidInputException("end", "meeting.dates.endBeforeStart");
		}
		if (hostOrganisationId != null && this.directory.organisations()
			.stream()
			.noneMatch((organisation) -> organisation.id() == hostOrganisationId)) {
			throw new InvalidInputException("host", "meeting.host.unknown");
		}
		if (group != null && this.directory.workingGroups().stream().noneMatch((known) -> known.id() == group)) {
			throw new InvalidInputException("group", "meeting.group.unknown");
		}
		return this.meetings.save(new Meeting(kind, Localized.of(title.en(), title.fr()), hostOrganisationId, group,
				Localized.of(place.en(), place.fr()), start, end))
			.getId();
	}

	@Transactional
	public void addItem(Reader reader, long meetingId, String title, Long documentId) {
		requireAgendaRights(reader);
		Meeting meeting = find(meetingId);
		if (documentId != null) {
			try {
				this.documents.visible(reader, documentId);
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("document", "meeting.item.unknownDocument");
			}
		}
		int next = this.items.findByMeeting(meetingId).stream().mapToInt(AgendaItem::getPosition).max().orElse(0) + 1;
		this.items.save(new AgendaItem(meetingId, next, title.strip(), documentId));
		this.publisher.publishEvent(new MeetingEvents.AgendaChanged(meetingId, meeting.getTitle(), title.strip()));
	}

	@Transactional
	public void recordOutcome(Reader reader, long meetingId, long itemId, String outcome) {
		requireAgendaRights(reader);
		AgendaItem item = this.items.findById(itemId)
			.filter((candidate) -> candidate.getMeetingId() == meetingId)
			.orElseThrow(NotFoundException::new);
		item.recordOutcome(outcome.strip());
		this.publisher.publishEvent(new MeetingEvents.AgendaChanged(meetingId, find(meetingId).getTitle(),
				item.getTitle()));
	}

	/**
	 * Meetings the reader may see whose title or place contain the text, latest first, at most
	 * {@code limit}. Only the names of the meetings are read to match them: twenty years of
	 * meetings are matched without loading each one.
	 */
	public List<MeetingHit> search(Reader reader, String text, int limit) {
		if (text.isBlank()) {
			return List.of();
		}
		return this.meetings
			.findVisibleNames(reader.isSignedIn(), reader.chairsOffice(), reader.audience(), reader.memberGroups(),
					reader.chairedGroups(), reader.accountId())
			.stream()
			.filter((meeting) -> org.kimberleyprocess.portal.shared.FullText.matchesAll(text,
					meeting.title() + " " + Objects.toString(meeting.titleFr(), ""),
					meeting.place() + " " + Objects.toString(meeting.placeFr(), "")))
			.limit(limit)
			.toList();
	}

	// Registrations

	/** The people registered for the meeting. */
	public List<Long> attendees(long meetingId) {
		return this.registrations.findByMeeting(meetingId).stream().map(Registration::getAccountId).toList();
	}

	/** Who is registered, and whom the person may register or withdraw. */
	public Registrations registrations(Reader user, long meetingId) {
		Meeting meeting = visible(user, meetingId);
		List<Registration> registered = this.registrations.findByMeeting(meetingId);
		List<Attendee> registrable = this.directory.registrableBy(user);
		Set<Long> registeredIds = registered.stream().map(Registration::getAccountId).collect(Collectors.toSet());
		Set<Long> manageable = registrable.stream().map(Attendee::accountId).collect(Collectors.toSet());
		return new Registrations(registered,
				registrable.stream().filter((person) -> !registeredIds.contains(person.accountId())).toList(),
				manageable, !meeting.getEndDate().isBefore(today()));
	}

	/** Registers people for the meeting: each must be someone the person may register. */
	@Transactional
	public int register(Reader user, long meetingId, java.util.Collection<Long> accountIds) {
		visible(user, meetingId);
		Meeting meeting = this.meetings.findForUpdate(meetingId).orElseThrow(NotFoundException::new);
		if (meeting.getEndDate().isBefore(today())) {
			throw new InvalidInputException(null, "meeting.registration.closed");
		}
		if (accountIds == null || accountIds.isEmpty()) {
			throw new InvalidInputException(null, "meeting.registration.none");
		}
		Map<Long, Attendee> registrable = this.directory.registrableBy(user)
			.stream()
			.collect(Collectors.toMap(Attendee::accountId, Function.identity()));
		if (!registrable.keySet().containsAll(accountIds)) {
			throw new AccessDeniedException("Delegations register their own members; the Chair's office its guests");
		}
		Set<Long> already = this.registrations.findByMeeting(meetingId)
			.stream()
			.map(Registration::getAccountId)
			.collect(Collectors.toSet());
		int added = 0;
		for (Long id : new java.util.LinkedHashSet<>(accountIds)) {
			if (already.contains(id)) {
				continue;
			}
			Attendee person = registrable.get(id);
			this.registrations.save(new Registration(meetingId, id, person.organisationId(), person.fullName(),
					person.organisation(), person.guest(), user.name(), this.clock.instant()));
			added++;
		}
		return added;
	}

	@Transactional
	public void withdraw(Reader user, long meetingId, long registrationId) {
		Meeting meeting = visible(user, meetingId);
		Registration registration = this.registrations.findById(registrationId)
			.filter((candidate) -> candidate.getMeetingId() == meetingId)
			.orElseThrow(NotFoundException::new);
		if (this.directory.registrableBy(user).stream().noneMatch((person) -> person.accountId() == registration.getAccountId())) {
			throw new AccessDeniedException("Only the person's delegation, or the Chair's office for a guest, withdraws it");
		}
		if (meeting.getEndDate().isBefore(today())) {
			throw new InvalidInputException(null, "meeting.registration.closed");
		}
		this.registrations.delete(registration);
	}

	private java.time.LocalDate today() {
		return java.time.LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
	}

	public record Registrations(List<Registration> registered, List<Attendee> registrable, Set<Long> manageable,
			boolean open) {

		public long guests() {
			return this.registered.stream().filter(Registration::isGuest).count();
		}

	}

	/**
	 * The next meetings the reader may see that have not ended yet, soonest first, at most
	 * {@code limit}, each with the registrations of the reader and of their organisation.
	 */
	public List<Upcoming> upcoming(Reader reader, int limit) {
		List<Meeting> next = this.meetings.findVisibleUpcoming(today(), reader.isSignedIn(), reader.chairsOffice(),
				reader.audience(), reader.memberGroups(), reader.chairedGroups(), reader.accountId(),
				org.springframework.data.domain.PageRequest.of(0, limit));
		if (next.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Registration>> ours = this.registrations
			.findOfAccountOrOrganisation(next.stream().map(Meeting::getId).toList(), reader.accountId(),
					reader.organisationId())
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(Registration::getMeetingId));
		return next.stream()
			.map((meeting) -> {
				List<Registration> registered = ours.getOrDefault(meeting.getId(), List.of());
				return new Upcoming(meeting, registered.stream().anyMatch((r) -> r.getAccountId() == reader.accountId()),
						registered.size());
			})
			.toList();
	}

	/**
	 * A meeting ahead, as the reader's home page shows it.
	 *
	 * @param registered whether the reader is registered
	 * @param fromOrganisation how many people of the reader's organisation (or guests it registered) are
	 */
	public record Upcoming(Meeting meeting, boolean registered, int fromOrganisation) {
	}

	/** A working group's meetings that have not ended yet and that the reader may see, soonest first. */
	public List<Meeting> upcomingOfGroup(Reader reader, long workingGroupId) {
		return this.meetings.findVisibleUpcomingOfGroup(workingGroupId, today(), reader.isSignedIn(),
				reader.chairsOffice(), reader.audience(), reader.memberGroups(), reader.chairedGroups(),
				reader.accountId());
	}

	/** The meeting if the reader may see it; otherwise not found, whatever the reason. */
	public Meeting visible(Reader reader, long id) {
		return this.meetings
			.findVisible(id, reader.isSignedIn(), reader.chairsOffice(), reader.audience(), reader.memberGroups(),
					reader.chairedGroups(), reader.accountId())
			.orElseThrow(NotFoundException::new);
	}

	/** Those of the meetings the reader may see. */
	public Set<Long> visibleAmong(Reader reader, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return this.meetings.findVisibleIds(ids, reader.isSignedIn(), reader.chairsOffice(), reader.audience(),
				reader.memberGroups(), reader.chairedGroups(), reader.accountId());
	}

	private List<Meeting> visible(Reader reader) {
		return this.meetings.findVisible(reader.isSignedIn(), reader.chairsOffice(), reader.audience(),
				reader.memberGroups(), reader.chairedGroups(), reader.accountId());
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

	/** The meetings whose agenda takes the document up. */
	public Set<Long> meetingsTakingUp(long documentId) {
		return this.items.findMeetingsTakingUp(documentId);
	}

	/** Links the meeting to the communiqué that reports its outcome. */
	@Transactional
	public void reportedBy(long meetingId, String communiquePath, String communiqueTitle) {
		find(meetingId).reportedBy(communiquePath, communiqueTitle);
	}

	private void requireAgendaRights(Reader reader) {
		if (!this.policy.canManageAgenda(reader)) {
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

	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Meeting m where m.id = :id")
	java.util.Optional<Meeting> findForUpdate(@Param("id") long id);

	@Query("select m from Meeting m where m.workingGroupId = :groupId and m.endDate >= :today and "
			+ MeetingPolicy.VISIBLE + " order by m.startDate")
	List<Meeting> findVisibleUpcomingOfGroup(@Param("groupId") long groupId, @Param("today") LocalDate today,
			@Param("signedIn") boolean signedIn, @Param("chair") boolean chair, @Param("audience") String audience,
			@Param("groups") Set<Long> groups, @Param("chairedGroups") Set<Long> chairedGroups,
			@Param("account") long account);

	@Query("select m from Meeting m where m.endDate >= :today and " + MeetingPolicy.VISIBLE
			+ " order by m.startDate, m.id")
	List<Meeting> findVisibleUpcoming(@Param("today") LocalDate today, @Param("signedIn") boolean signedIn,
			@Param("chair") boolean chair, @Param("audience") String audience, @Param("groups") Set<Long> groups,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("account") long account,
			org.springframework.data.domain.Pageable pageable);

	@Query("select m from Meeting m where m.id = :id and " + MeetingPolicy.VISIBLE)
	java.util.Optional<Meeting> findVisible(@Param("id") long id, @Param("signedIn") boolean signedIn,
			@Param("chair") boolean chair, @Param("audience") String audience, @Param("groups") Set<Long> groups,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("account") long account);

	@Query("select m.id from Meeting m where m.id in :ids and " + MeetingPolicy.VISIBLE)
	Set<Long> findVisibleIds(@Param("ids") java.util.Collection<Long> ids, @Param("signedIn") boolean signedIn,
			@Param("chair") boolean chair, @Param("audience") String audience, @Param("groups") Set<Long> groups,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("account") long account);

	@Query("select new org.kimberleyprocess.portal.meetings.MeetingHit(m.id, m.title, m.titleFr,"
			+ " m.place, m.placeFr, m.startDate) from Meeting m where " + MeetingPolicy.VISIBLE
			+ " order by m.startDate desc, m.id desc")
	List<MeetingHit> findVisibleNames(@Param("signedIn") boolean signedIn, @Param("chair") boolean chair,
			@Param("audience") String audience, @Param("groups") Set<Long> groups,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("account") long account);

	@Query("select m from Meeting m where " + MeetingPolicy.VISIBLE + " order by m.startDate desc")
	List<Meeting> findVisible(@Param("signedIn") boolean signedIn, @Param("chair") boolean chair,
			@Param("audience") String audience, @Param("groups") Set<Long> groups,
			@Param("chairedGroups") Set<Long> chairedGroups, @Param("account") long account);

}

interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

	@Query("select i from AgendaItem i where i.meetingId = :meetingId order by i.position")
	List<AgendaItem> findByMeeting(@Param("meetingId") long meetingId);

	@Query("select distinct i.meetingId from AgendaItem i where i.documentId = :documentId")
	Set<Long> findMeetingsTakingUp(@Param("documentId") long documentId);

}

interface RegistrationRepository extends JpaRepository<Registration, Long> {

	@Query("select r from Registration r where r.meetingId = :meetingId order by r.guest, r.organisationEn, r.fullName")
	List<Registration> findByMeeting(@Param("meetingId") long meetingId);

	@Query("select r from Registration r where r.meetingId in :meetings"
			+ " and (r.accountId = :account or r.organisationId = :organisation)")
	List<Registration> findOfAccountOrOrganisation(@Param("meetings") java.util.Collection<Long> meetings,
			@Param("account") long account, @Param("organisation") long organisation);

}
