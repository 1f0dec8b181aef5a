package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.chairs.CandidacyService;
import org.kimberleyprocess.portal.chairs.ChairSchedule;
import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.Discussion;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.SuggestedChanges;
import org.kimberleyprocess.portal.meetings.Meeting;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;
import org.kimberleyprocess.portal.annualreports.AnnualReportService;
import org.kimberleyprocess.portal.shared.PortalClock;
import org.kimberleyprocess.portal.statistics.StatisticsYears;

/**
 * The documents of the 2016 Dubai Plenary week, written afresh for the demo, created through
 * the drafting engine at the dates they would have had. Loaded once, into an empty portal.
 */
@Component
@Profile("demo")
@Order(10)
class DemoDocuments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

	private final DocumentReading documents;

	private final Drafting drafting;

	private final DocumentLifecycle lifecycle;

	private final Discussion discussion;

	private final SuggestedChanges suggestions;

	private final Readers readers;

	private final AccountDirectory accounts;

	private final PortalClock clock;

	private final JdbcTemplate jdbc;

	private final ConsensusService consensus;

	private final ReviewVisitService reviewVisits;

	private final AnnualReportService annualReports;

	private final ChairSchedule chairs;

	private final StatisticsYears statisticsYears;

	private final TransactionTemplate transactions;

	private final MeetingService meetings;

	private final CommuniqueService communiques;

	private final CandidacyService candidacies;

	DemoDocuments(DocumentReading documents, Drafting drafting, DocumentLifecycle lifecycle, Discussion discussion,
			SuggestedChanges suggestions, ConsensusService consensus, ReviewVisitService reviewVisits, AnnualReportService annualReports,
			ChairSchedule chairs, CandidacyService candidacies, MeetingService meetings, CommuniqueService communiques,
			StatisticsYears statisticsYears, Readers readers, AccountDirectory accounts, PortalClock clock,
			JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.statisticsYears = statisticsYears;
		this.transactions = transactions;
		this.candidacies = candidacies;
		this.communiques = communiques;
		this.meetings = meetings;
		this.chairs = chairs;
		this.reviewVisits = reviewVisits;
		this.annualReports = annualReports;
		this.documents = documents;
		this.drafting = drafting;
		this.lifecycle = lifecycle;
		this.discussion = discussion;
		this.suggestions = suggestions;
		this.consensus = consensus;
		this.readers = readers;
		this.accounts = accounts;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = this.jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class);
		if (existing != null && existing > 0) {
			return;
		}
		Instant now = this.clock.instant();
		try {
			new DemoDocumentScript(this.lifecycle, this.documents, this.drafting, this.discussion, this.suggestions,
					this.consensus, this::as, this.clock, this::organisationId,
					this::headsOfActiveParticipants)
				.run();
			demoCandidacy();
			long intersessional = demoMeetings();
			new DemoCommuniques(this.drafting, this.lifecycle, this.consensus, this.meetings, this.communiques, this::as, this.clock,
					this::organisationId)
				.run(intersessional);
			new DemoReviewVisits(this.reviewVisits, this.consensus, this::as, this.clock, this::volunteerIds).run();
			new DemoAnnualReports(this.annualReports, this::as, this.clock, this::organisationId).run();
			new DemoStatistics(this.jdbc, this.transactions, this.statisticsYears, this::as, this.clock, now).run();
			awaitFollowers();
			log.info("Loaded the demo documents, consensus rounds, communiqués, review visits, annual reports and statistics of 2014 to 2016");
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	/**
	 * What other modules do about the demo's events (notifications, the chair schedule, review
	 * visits adopted with their report) runs after each commit, on other threads: the demo is
	 * loaded once all of it has run, so the portal opens on a settled story.
	 */
	private void awaitFollowers() {
		long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < until) {
			Integer pending = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class);
			if (pending == null || pending == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.warn("Some of the demo's events were still being handled after a minute");
	}

	/**
	 * The European Union's candidacy for 2017, assessed by the committee chaired by Angola (the
	 * 2015 Chair) and put to the Plenary with the selection decision now under written procedure.
	 */
	private void demoCandidacy() {
		this.clock.travelTo(Instant.parse("2016-09-12T09:00:00Z"));
		this.candidacies.submit(as("hod-eu"),
				"The European Union offers to serve as Vice-Chair in 2017 and as Chair in 2018, continuing the work on valuation, on the review of the Certification Scheme and on a permanent secretariat.");
		long candidacy = this.jdbc.queryForObject(
				"SELECT c.id FROM vice_chair_candidacy c JOIN organisation o ON o.id = c.organisation_id WHERE c.year = 2017 AND o.code = 'eu'",
				Long.class);
		this.clock.travelTo(Instant.parse("2016-10-14T13:00:00Z"));
		this.candidacies.assess(as("hod-ao"), candidacy, true,
				"The European Union is an active Participant in good standing, has chaired the Kimberley Process before (2007) and commits the resources the office requires. The committee finds the candidacy eligible.");
		this.clock.travelTo(Instant.parse("2016-11-01T09:30:00Z"));
		this.candidacies.putToSelection(as("chair"), candidacy, documentId(
				"Administrative Decision on the selection of the Vice-Chair for 2017"));
	}

	private Reader as(String username) {
		return this.readers.of(this.accounts.findForSignIn(username).orElseThrow());
	}

	/** Heads of delegation of the active Participants but the European Union, whose selection is at stake. */
	private List<String> headsOfActiveParticipants() {
		return this.jdbc.queryForList("SELECT a.username FROM account a JOIN organisation o ON o.id = a.organisation_id"
				+ " JOIN account_role r ON r.account_id = a.id AND r.role = 'HEAD_OF_DELEGATION'"
				+ " WHERE o.participant_status = 'ACTIVE' AND o.code <> 'eu' ORDER BY o.name_en", String.class);
	}

	/** The 2016 Intersessional and Plenary in Dubai, the Plenary's agenda walking the week's texts. */
	private long demoMeetings() {
		Reader chair = as("chair");
		long host = organisationId("ae");
		long intersessional = this.meetings.create(chair, Meeting.Kind.INTERSESSIONAL,
				new Localized("Intersessional meeting 2016", "Réunion intersessions 2016"), host,
				new Localized("Dubai", "Dubaï"), LocalDate.of(2016, 6, 6), LocalDate.of(2016, 6, 9));
		this.meetings.addItem(chair, intersessional, "Opening and adoption of the agenda", null);
		this.meetings.addItem(chair, intersessional, "Reports of the working groups", null);
		long plenary = this.meetings.create(chair, Meeting.Kind.PLENARY,
				new Localized("Plenary meeting 2016", "Réunion plénière 2016"), host, new Localized("Dubai", "Dubaï"),
				LocalDate.of(2016, 11, 13), LocalDate.of(2016, 11, 17));
		this.meetings.addItem(chair, plenary, "Opening and adoption of the agenda", null);
		this.meetings.addItem(chair, plenary, "Selection of the Vice-Chair for 2017", documentId(
				"Administrative Decision on the selection of the Vice-Chair for 2017"));
		this.meetings.addItem(chair, plenary, "Valuation of rough diamonds",
				documentId("Decision on a consistent methodology for the valuation of rough diamonds"));
		this.meetings.addItem(chair, plenary, "Central African Republic: compliant zones",
				documentId("Monitoring of exports from the compliant zones of the Central African Republic"));
		this.meetings.addItem(chair, plenary, "Final Communiqué",
				documentId("Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué"));
		this.meetings.register(chair, plenary, List.of(this.jdbc.queryForObject(
				"SELECT id FROM account WHERE username = 'guest-gga'", Long.class)));
		return intersessional;
	}

	private long documentId(String title) {
		return this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class, title);
	}

	private List<Long> volunteerIds(long visitId) {
		return this.jdbc.queryForList("SELECT id FROM review_visit_volunteer WHERE visit_id = ? ORDER BY id", Long.class,
				visitId);
	}

	private long organisationId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

}
