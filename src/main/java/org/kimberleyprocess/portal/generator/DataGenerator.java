package org.kimberleyprocess.portal.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.audit.AuditImport;
import org.kimberleyprocess.portal.audit.AuditTrail;
import org.kimberleyprocess.portal.communiques.CommuniqueForms.Publication;
import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * Generates the history on top of the demo data, in this order: the directory's further
 * accounts, the meetings' calendar and the review visits, the documents with their versions,
 * rounds and adoptions, the meetings' agendas and registrations, the visits, the discussion, the
 * audit trail, the publication of the adopted communiqués (through the communiqués module, which
 * makes their PDFs and brings decisions into effect), and last the inboxes.
 */
@Service
@Profile("demo")
public class DataGenerator {

	static final String MARKER = "History generated";

	private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

	private static final String DEMO_PASSWORD = "Kimberley-Demo-2016";

	private static final String FINAL_COMMUNIQUE = "Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué";

	private final JdbcTemplate jdbc;

	private final MarkdownRenderer renderer;

	private final AuditImport auditImport;

	private final AuditTrail auditTrail;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final PortalClock clock;

	private final CommuniqueService communiques;

	private final Readers readers;

	private final AccountDirectory accounts;

	DataGenerator(JdbcTemplate jdbc, MarkdownRenderer renderer, AuditImport auditImport, AuditTrail auditTrail,
			PasswordEncoder passwords, PlatformTransactionManager transactions, PortalClock clock,
			CommuniqueService communiques, Readers readers, AccountDirectory accounts) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.auditImport = auditImport;
		this.auditTrail = auditTrail;
		this.passwords = passwords;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.communiques = communiques;
		this.readers = readers;
		this.accounts = accounts;
	}

	public record Report(long seconds, Map<String, Long> counts) {
	}

	/** Whether a run already generated the history: it leaves an entry in the audit trail. */
	public boolean alreadyGenerated() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ?", Integer.class,
				MARKER) > 0;
	}

	public Report generate(GenerationScale scale) {
		long started = System.nanoTime();
		Instant resume = this.clock.instant();
		// The history ends at the hour the demo opens, so a seed always writes the same history.
		Instant now = resume.truncatedTo(ChronoUnit.HOURS);
		try {
			run(scale, now);
		}
		finally {
			this.clock.travelTo(resume);
			SecurityContextHolder.clearContext();
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		Map<String, Long> counts = counts();
		this.auditTrail.record("system", "", MARKER, "Generator",
				"seed=" + scale.seed() + "; years=" + scale.firstYear() + "–" + scale.lastYear() + "; " + counts);
		return new Report(seconds, counts);
	}

	private void run(GenerationScale scale, Instant now) {
		Random random = new Random(scale.seed());
		Texts texts = new Texts(random);
		Trail trail = new Trail(random);
		Directory directory = new Directory(this.jdbc);
		Calendar calendar = new Calendar(directory, this.jdbc);
		String hash = this.passwords.encode(DEMO_PASSWORD);
		inTransaction(() -> directory.grow(scale.accounts(), calendar.chairCodes(scale.firstYear(), scale.lastYear() + 2),
				hash, random, texts, trail, Instant.parse("2016-01-05T08:00:00Z")));
		log.info("Directory: {} accounts", directory.people.size());

		Meetings meetings = new Meetings(directory, calendar, random, this.jdbc, scale.firstYear(), scale.lastYear() + 2);
		Set<Long> offering = new HashSet<>(this.jdbc.queryForList(
				"SELECT host_organisation_id FROM review_visit WHERE preferred_year > ?", Long.class, scale.lastYear()));
		Visits visits = new Visits(directory, calendar, random, now);
		visits.plan(scale.firstYear(), scale.lastYear(), scale.visitsPerYear(), offering);
		int existingDocuments = count("document");
		int existingRounds = count("consensus_round");
		Documents documents = new Documents(directory, meetings, random, texts, now);
		documents.plan(scale.firstYear(), scale.lastYear(), scale.documents() - existingDocuments,
				scale.rounds() - existingRounds, visits.visits);
		documents.number(this.jdbc);
		log.info("Planned {} documents", documents.docs.size());

		Inboxes inboxes = new Inboxes(directory, calendar, random, now);
		DocumentWriter writer = new DocumentWriter(this.jdbc, this.renderer, directory, trail, inboxes, random, texts,
				now);
		writer.write(documents.docs, this::inTransaction);
		inTransaction(() -> writer.writeSequences(documents.sequences));
		inboxes.settle(documents.docs);
		log.info("Documents written: {} versions' blocks, {} positions", writer.blocksWritten, writer.positionsWritten);

		inTransaction(() -> meetings.write(this.jdbc, trail, now, inboxes, documents.docs));
		inTransaction(() -> visits.write(this.jdbc, trail, inboxes));

		Comments comments = new Comments(this.jdbc, this.renderer, directory, calendar, trail, inboxes, random, texts,
				now);
		long finalCommunique = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				FINAL_COMMUNIQUE);
		int onFinalCommunique = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM document_comment WHERE document_id = ?", Integer.class, finalCommunique);
		int addedOnFinalCommunique = Math.max(0, scale.finalCommuniqueComments() - onFinalCommunique);
		int existingComments = count("document_comment");
		comments.writeOn(finalCommunique, addedOnFinalCommunique, this::inTransaction);
		comments.write(documents.docs, scale.comments() - existingComments - addedOnFinalCommunique,
				this::inTransaction);
		// As the portal's own writes do, so that no node keeps a discussion read before.
		this.jdbc.update("UPDATE document SET discussion_revision = discussion_revision + 1");
		log.info("Comments written: {}", comments.written);

		this.auditImport.append(trail.inOrder());
		log.info("Audit trail: {} entries appended", trail.size());

		publish(documents, meetings, directory, calendar);
		awaitListeners();
		int written = inboxes.write(this.jdbc, scale.notifications(), scale.readerNotifications(), scale.reader());
		log.info("Notifications written: {}", written);
		for (String table : List.of("account", "document", "document_version", "document_block", "document_comment",
				"consensus_round", "round_position", "adoption_record", "meeting", "agenda_item", "notification",
				"audit_entry", "review_visit")) {
			this.jdbc.execute("ANALYZE TABLE " + table);
		}
	}

	/**
	 * Publishes each adopted communiqué a few days after its meeting, as that year's Chair's office
	 * does through the portal, waiting each time for the notifications to be written before the
	 * clock moves on.
	 */
	private void publish(Documents documents, Meetings meetings, Directory directory, Calendar calendar) {
		for (Documents.Doc doc : documents.docs) {
			if (!"COMMUNIQUE".equals(doc.type) || !"ADOPTED".equals(doc.status) || doc.meeting == null
					|| doc.meeting.existing) {
				continue;
			}
			Meetings.Meeting meeting = doc.meeting;
			Instant at = meeting.end.plusDays(3 + (doc.id % 5)).atTime(10, 0).toInstant(ZoneOffset.UTC);
			Directory.Person chair = calendar.chairsOffice(meeting.year);
			this.clock.travelTo(at);
			PortalUser user = this.accounts.findForSignIn(chair.username()).orElseThrow();
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			Publication publication = new Publication();
			publication.setDocument(doc.id);
			publication.setMeeting(meeting.id);
			publication.setSlug(slug(meeting.place + " " + meeting.kind.toLowerCase(java.util.Locale.ROOT)));
			this.communiques.publish(this.readers.of(user), publication);
			SecurityContextHolder.clearContext();
			awaitListeners();
		}
	}

	private static String slug(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+)|(-+$)", "");
	}

	/** The notification listeners run after each commit; their time must be the moment they answer. */
	private void awaitListeners() {
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline && this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class) > 0) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void inTransaction(Runnable work) {
		this.transactions.executeWithoutResult((status) -> work.run());
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	/** The row counts a benchmark cares about. */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("account", "document", "document_version", "document_block", "document_comment",
				"consensus_round", "round_position", "adoption_record", "meeting", "agenda_item", "meeting_registration",
				"review_visit", "communique", "notification", "audit_entry")) {
			counts.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		return counts;
	}

}
