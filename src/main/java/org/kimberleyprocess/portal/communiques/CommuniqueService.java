package org.kimberleyprocess.portal.communiques;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.communiques.CommuniqueForms.Corrigendum;
import org.kimberleyprocess.portal.communiques.CommuniqueForms.Publication;
import org.kimberleyprocess.portal.consensus.AdoptionRecord;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentReading.Filter;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentStatus;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.documents.DocumentVersion;
import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.documents.TextDiff;
import org.kimberleyprocess.portal.meetings.Meeting;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.shared.FullText;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Publishing communiqués and reading them. Everything published is public; publishing and
 * correcting belong to the Chair's office. Publishing freezes the adopted version as revision 1,
 * brings into effect the Administrative Decisions the meeting adopted and links the meeting to
 * its communiqué; a corrigendum adds a revision with its note, earlier ones staying readable.
 */
@Service
@Transactional(readOnly = true)
public class CommuniqueService {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final CommuniqueRepository communiques;

	private final RevisionRepository revisions;

	private final DocumentReading documents;

	private final DocumentRecords records;

	private final ConsensusService consensus;

	private final MeetingService meetings;

	private final MarkdownRenderer renderer;

	private final CommuniquePdf pdf;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final CommuniquePolicy policy;

	CommuniqueService(CommuniqueRepository communiques, RevisionRepository revisions, DocumentReading documents, DocumentRecords records,
			ConsensusService consensus, MeetingService meetings, MarkdownRenderer renderer, CommuniquePdf pdf,
			JdbcTemplate jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events,
			CommuniquePolicy policy) {
		this.policy = policy;
		this.events = events;
		this.communiques = communiques;
		this.revisions = revisions;
		this.documents = documents;
		this.records = records;
		this.consensus = consensus;
		this.meetings = meetings;
		this.renderer = renderer;
		this.pdf = pdf;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// Reading: everything here is public

	public Page<Communique> list(String query, Integer year, Pageable pageable) {
		Set<Long> matches = Set.of(-1L);
		boolean searching = StringUtils.hasText(query);
		if (searching) {
			String words = FullText.booleanModeWords(query);
			if (!words.isEmpty()) {
				matches = new HashSet<>(this.communiques.searchCurrentText(words));
				matches.add(-1L);
			}
		}
		return this.communiques.findListing(year, matches, searching, pageable);
	}

	/** Published communiqués matching the words, each with its current text: public, like everything here. */
	public List<FeedEntry> search(String query, int limit) {
		List<Communique> found = list(query, null, PageRequest.of(0, limit)).getContent();
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, CommuniqueRevision> current = this.revisions
			.findCurrentOf(found.stream().map(Communique::getId).toList())
			.stream()
			.collect(Collectors.toMap(CommuniqueRevision::getCommuniqueId, Function.identity()));
		return found.stream().map((communique) -> new FeedEntry(communique, current.get(communique.getId()))).toList();
	}

	public List<Integer> years() {
		return this.communiques.findYears();
	}

	/** The most recent meetings' communiqués, for the home page. */
	public List<Communique> latest(int count) {
		return this.communiques.findLatest(PageRequest.of(0, count));
	}

	/** When anything published last changed: the validator of the list and the feed. */
	public Instant lastChange() {
		return Optional.ofNullable(this.communiques.findLastChange()).orElse(Instant.EPOCH);
	}

	public Communique find(String slug) {
		return this.communiques.findBySlug(slug).orElseThrow(NotFoundException::new);
	}

	/** A revision of the communiqué (its current one when no number is given), with the others and its changes. */
	public Reading read(String slug, Integer number) {
		return read(find(slug), number);
	}

	/** The same, for a communiqué already found. */
	public Reading read(Communique communique, Integer number) {
		List<CommuniqueRevision> all = this.revisions.findByCommunique(communique.getId());
		int wanted = (number == null) ? communique.getCurrentRevision() : number;
		CommuniqueRevision revision = all.stream()
			.filter((candidate) -> candidate.getNumber() == wanted)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		List<TextDiff.Line> changes = all.stream()
			.filter((candidate) -> candidate.getNumber() == wanted - 1)
			.findFirst()
			.map((previous) -> TextDiff.between(previous.getMarkdown(), revision.getMarkdown()))
			.orElse(List.of());
		return new Reading(communique, revision, all, changes);
	}

	public byte[] pdf(Communique communique, Integer number) {
		CommuniqueRevision revision = read(communique, number).revision();
		return this.jdbc.queryForObject("SELECT pdf FROM communique_pdf WHERE revision_id = ?", byte[].class,
				revision.getId());
	}

	/** The latest revisions published, corrigenda included, each with its communiqué: the feed's entries. */
	public List<FeedEntry> recent(int count) {
		List<CommuniqueRevision> recent = this.revisions.findRecent(PageRequest.of(0, count));
		Map<Long, Communique> byId = this.communiques
			.findAllById(recent.stream().map(CommuniqueRevision::getCommuniqueId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Communique::getId, Function.identity()));
		return recent.stream().map((revision) -> new FeedEntry(byId.get(revision.getCommuniqueId()), revision)).toList();
	}

	// Publishing: the Chair's office

	/** Adopted communiqués not yet published, for the Chair's office. */
	public List<Document> awaitingPublication(Reader reader) {
		if (!this.policy.mayPublish(reader)) {
			return List.of();
		}
		List<Document> adopted = this.documents
			.list(reader, new Filter(DocumentType.COMMUNIQUE, null, null, DocumentStatus.ADOPTED, null),
					PageRequest.of(0, 50))
			.getContent();
		List<Long> ids = adopted.stream().map(Document::getId).toList();
		Set<Long> published = ids.isEmpty() ? Set.of() : this.communiques.findPublishedAmong(ids);
		return adopted.stream().filter((document) -> !published.contains(document.getId())).toList();
	}

	/**
	 * The document about to be published, with the meetings it may report on and a proposed
	 * meeting and address: the meeting whose agenda took the text up, if any.
	 */
	public PublishPage publishPage(Reader reader, long documentId) {
		this.policy.requirePublisher(reader);
		Document document = this.documents.visible(reader, documentId);
		List<Meeting> candidates = this.meetings.communiqueMeetings();
		Set<Long> takingItUp = this.meetings.meetingsTakingUp(documentId);
		Publication proposal = new Publication();
		proposal.setDocument(documentId);
		candidates.stream()
			.filter((meeting) -> takingItUp.contains(meeting.getId()))
			.findFirst()
			.ifPresent((meeting) -> {
				proposal.setMeeting(meeting.getId());
				proposal.setSlug(slugOf(meeting.getPlace() + " " + meeting.getKind().name()));
			});
		return new PublishPage(document, candidates, this.communiques.findByDocumentId(documentId).orElse(null),
				proposal);
	}

	/**
	 * What publishing the form would do, checked as publishing checks it: the adopted text, the
	 * meeting it reports on and its address. Nothing is written.
	 */
	public Publishing check(Reader reader, Publication form) {
		this.policy.requirePublisher(reader);
		Document document;
		try {
			document = this.documents.visible(reader, form.getDocument());
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(null, "communique.publish.unknownDocument");
		}
		if (document.getType() != DocumentType.COMMUNIQUE) {
			throw new InvalidInputException(null, "communique.publish.notCommunique");
		}
		AdoptionRecord adoption = this.consensus.adoptionOf(document.getId())
			.filter((record) -> document.getStatus() == DocumentStatus.ADOPTED)
			.orElseThrow(() -> new InvalidInputException(null, "communique.publish.notAdopted"));
		Optional<Communique> existing = this.communiques.findByDocumentId(document.getId());
		if (existing.isPresent()) {
			throw new InvalidInputException(null, "communique.publish.already", existing.get().path());
		}
		Meeting meeting = this.meetings.communiqueMeetings()
			.stream()
			.filter((candidate) -> candidate.getId().equals(form.getMeeting()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("meeting", "communique.publish.unknownMeeting"));
		String slugPart = form.getSlug().strip();
		if (!SLUG.matcher(slugPart).matches()) {
			throw new InvalidInputException("slug", "communique.publish.slugForm");
		}
		String slug = meeting.getStartDate().getYear() + "-" + slugPart;
		if (this.communiques.findBySlug(slug).isPresent()) {
			throw new InvalidInputException("slug", "communique.publish.slugTaken", "/communiques/" + slug);
		}
		return new Publishing(document, meeting, slug, adoption);
	}

	@Transactional
	public String publish(Reader reader, Publication form) {
		Publishing checked = check(reader, form);
		Document document = checked.document();
		Meeting meeting = checked.meeting();
		AdoptionRecord adoption = checked.adoption();
		String slug = checked.slug();
		DocumentVersion adopted = this.records.storedVersion(document.getId(), adoption.getVersionNumber());
		Instant now = this.clock.instant();
		Communique communique;
		try {
			communique = this.communiques.saveAndFlush(new Communique(document.getId(), document.getLanguage(), slug,
					new Communique.Meeting(meeting.getId(), meeting.getKind().name(), meeting.getTitles(),
							meeting.getPlaces(), meeting.getStartDate(), meeting.getEndDate()),
					adoption.getOfficialNumber(), adoption.getClosedAt(), adoption.getVersionSha256(), now));
		}
		catch (DataIntegrityViolationException ex) {
			// Another publication of the same text, or of the same address, was committed meanwhile.
			throw new InvalidInputException("slug", "communique.publish.raced");
		}
		addRevision(communique, 1, adopted.getTitle(), adopted.getMarkdown(), adopted.getHtml(), null, reader, now);
		LocalDate effective = LocalDate.ofInstant(now, ZoneOffset.UTC);
		this.records.bringIntoEffect(this.meetings.agendaDocuments(meeting.getId()), effective, communique.path(),
				adopted.getTitle());
		this.meetings.reportedBy(meeting.getId(), communique.path(), adopted.getTitle());
		return slug;
	}

	/**
	 * What the corrigendum would change in the published text, checked as publishing it checks it.
	 * Nothing is written.
	 */
	public List<TextDiff.Line> checkCorrection(Reader reader, String slug, Corrigendum form) {
		this.policy.requirePublisher(reader);
		Communique communique = this.communiques.findBySlug(slug).orElseThrow(NotFoundException::new);
		CommuniqueRevision current = currentRevision(communique, form);
		return TextDiff.between(current.getMarkdown(), MarkdownRenderer.normalise(form.getText()));
	}

	@Transactional
	public int correct(Reader reader, String slug, Corrigendum form) {
		this.policy.requirePublisher(reader);
		Communique communique = this.communiques.findForUpdate(slug).orElseThrow(NotFoundException::new);
		CommuniqueRevision current = currentRevision(communique, form);
		String markdown = MarkdownRenderer.normalise(form.getText());
		Instant now = this.clock.instant();
		int number = communique.correct(now);
		String title = markdown.lines()
			.findFirst()
			.filter((line) -> line.startsWith("# "))
			.map((line) -> line.substring(2).strip())
			.filter((line) -> !line.isEmpty() && line.length() <= 300)
			.orElse(current.getTitle());
		addRevision(communique, number, title, markdown, this.renderer.render(markdown).html(), form.getNote().strip(),
				reader, now);
		return number;
	}

	private void addRevision(Communique communique, int number, String title, String markdown, String html,
			String note, Reader reader, Instant now) {
		CommuniqueRevision revision = this.revisions.saveAndFlush(new CommuniqueRevision(communique.getId(), number,
				title, markdown, html, MarkdownRenderer.sha256(markdown), note, now, reader.name()));
		this.jdbc.update("INSERT INTO communique_pdf (revision_id, pdf) VALUES (?, ?)", revision.getId(),
				this.pdf.render(communique, revision));
		this.events.publishEvent(new CommuniqueEvents.Published(communique.path(), title, number));
	}

	/**
	 * An Administrative Decision on the agenda of a meeting whose communiqué is already published
	 * takes effect when it is adopted, with that communiqué.
	 */
	@ApplicationModuleListener
	void onRoundClosed(org.kimberleyprocess.portal.consensus.ConsensusEvents.RoundClosed event) {
		if (!event.adopted()) {
			return;
		}
		Set<Long> meetingsTakingItUp = this.meetings.meetingsTakingUp(event.documentId());
		if (meetingsTakingItUp.isEmpty()) {
			return;
		}
		this.communiques.findByMeetingIdIn(meetingsTakingItUp)
			.stream()
			.findFirst()
			.ifPresent((communique) -> this.records.bringIntoEffect(List.of(event.documentId()),
					LocalDate.ofInstant(event.at(), ZoneOffset.UTC), communique.path(),
					this.revisions.findByCommunique(communique.getId()).get(0).getTitle()));
	}

	/** A readable address part from a place and a kind of meeting, e.g. {@code dubai-plenary}. */
	static String slugOf(String text) {
		String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+)|(-+$)", "");
		return ascii.length() > 100 ? ascii.substring(0, 100).replaceAll("-+$", "") : ascii;
	}

	/** The revision a corrigendum corrects: refused if another was published meanwhile or nothing changes. */
	private CommuniqueRevision currentRevision(Communique communique, Corrigendum form) {
		if (form.getBaseRevision() != communique.getCurrentRevision()) {
			throw new InvalidInputException(null, "communique.corrigendum.stale", communique.getCurrentRevision());
		}
		CommuniqueRevision current = this.revisions.findByCommunique(communique.getId())
			.stream()
			.filter((revision) -> revision.getNumber() == communique.getCurrentRevision())
			.findFirst()
			.orElseThrow();
		if (MarkdownRenderer.normalise(form.getText()).equals(current.getMarkdown())) {
			throw new InvalidInputException("text", "communique.corrigendum.unchanged");
		}
		return current;
	}

	public record Reading(Communique communique, CommuniqueRevision revision, List<CommuniqueRevision> revisions,
			List<TextDiff.Line> changes) {

		public boolean isCurrent() {
			return this.revision.getNumber() == this.communique.getCurrentRevision();
		}

	}

	public record FeedEntry(Communique communique, CommuniqueRevision revision) {
	}

	/** A publication as checked before it is made: its text, meeting and address. */
	public record Publishing(Document document, Meeting meeting, String slug, AdoptionRecord adoption) {

		public String path() {
			return "/communiques/" + this.slug;
		}

	}

	public record PublishPage(Document document, List<Meeting> meetings, Communique published,
			Publication proposal) {
	}

}

interface CommuniqueRepository extends JpaRepository<Communique, Long> {

	Optional<Communique> findBySlug(String slug);

	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Communique c where c.slug = :slug")
	Optional<Communique> findForUpdate(@Param("slug") String slug);

	Optional<Communique> findByDocumentId(long documentId);

	@Query("select c from Communique c where c.meetingId in :meetings order by c.publishedAt")
	List<Communique> findByMeetingIdIn(@Param("meetings") Collection<Long> meetings);

	@Query("select c.documentId from Communique c where c.documentId in :ids")
	Set<Long> findPublishedAmong(@Param("ids") Collection<Long> ids);

	@Query("""
			select c from Communique c
			where (:year is null or c.year = :year) and (:searching = false or c.id in :matches)
			order by c.startDate desc, c.id desc""")
	Page<Communique> findListing(@Param("year") Integer year, @Param("matches") Set<Long> matches,
			@Param("searching") boolean searching, Pageable pageable);

	@Query("select distinct c.year from Communique c order by c.year desc")
	List<Integer> findYears();

	@Query("select c from Communique c order by c.startDate desc, c.id desc")
	List<Communique> findLatest(Pageable pageable);

	@Query("select max(c.updatedAt) from Communique c")
	Instant findLastChange();

	@Query(value = """
			select c.id from communique c join communique_revision r on r.communique_id = c.id
			where r.number = c.current_revision
			  and match(r.title, r.markdown) against (:words in boolean mode)""", nativeQuery = true)
	Set<Long> searchCurrentText(@Param("words") String words);

}

interface RevisionRepository extends JpaRepository<CommuniqueRevision, Long> {

	@Query("select r from CommuniqueRevision r where r.communiqueId = :id order by r.number")
	List<CommuniqueRevision> findByCommunique(@Param("id") long communiqueId);

	@Query("select r from CommuniqueRevision r, Communique c where c.id = r.communiqueId and c.id in :ids"
			+ " and r.number = c.currentRevision")
	List<CommuniqueRevision> findCurrentOf(@Param("ids") Collection<Long> ids);

	@Query("select r from CommuniqueRevision r order by r.publishedAt desc, r.id desc")
	List<CommuniqueRevision> findRecent(Pageable pageable);

}
