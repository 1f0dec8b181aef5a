package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.chairs.ChairSchedule;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;
import org.kimberleyprocess.portal.documents.DocumentService;
import org.kimberleyprocess.portal.documents.Viewer;
import org.kimberleyprocess.portal.documents.Viewers;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The documents of the 2016 Dubai Plenary week, written afresh for the demo, created through
 * the drafting engine at the dates they would have had. Loaded once, into an empty portal.
 */
@Component
@Profile("demo")
@Order(10)
class DemoDocuments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

	private final DocumentService documents;

	private final Viewers viewers;

	private final AccountDirectory accounts;

	private final PortalClock clock;

	private final JdbcTemplate jdbc;

	private final ConsensusService consensus;

	private final ReviewVisitService reviewVisits;

	private final ChairSchedule chairs;

	DemoDocuments(DocumentService documents, ConsensusService consensus, ReviewVisitService reviewVisits,
			ChairSchedule chairs, Viewers viewers, AccountDirectory accounts, PortalClock clock, JdbcTemplate jdbc) {
		this.chairs = chairs;
		this.reviewVisits = reviewVisits;
		this.documents = documents;
		this.consensus = consensus;
		this.viewers = viewers;
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
			new DemoDocumentScript(this.documents, this.consensus, this::as, this.clock, this::organisationId,
					this::headsOfActiveParticipants)
				.run();
			this.chairs.awaitSelection(2017, organisationId("eu"), this.jdbc.queryForObject(
					"SELECT id FROM document WHERE title = 'Administrative Decision on the selection of the Vice-Chair for 2017'",
					Long.class));
			new DemoReviewVisits(this.reviewVisits, this.consensus, this::as, this.clock, this::volunteerIds).run();
			log.info("Loaded the demo documents, consensus rounds and review visits of 2016");
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	private Viewer as(String username) {
		return this.viewers.of(this.accounts.findForSignIn(username).orElseThrow());
	}

	/** Heads of delegation of the active Participants but the European Union, whose selection is at stake. */
	private List<String> headsOfActiveParticipants() {
		return this.jdbc.queryForList("SELECT a.username FROM account a JOIN organisation o ON o.id = a.organisation_id"
				+ " JOIN account_role r ON r.account_id = a.id AND r.role = 'HEAD_OF_DELEGATION'"
				+ " WHERE o.participant_status = 'ACTIVE' AND o.code <> 'eu' ORDER BY o.name_en", String.class);
	}

	private List<Long> volunteerIds(long visitId) {
		return this.jdbc.queryForList("SELECT id FROM review_visit_volunteer WHERE visit_id = ? ORDER BY id", Long.class,
				visitId);
	}

	private long organisationId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

}
