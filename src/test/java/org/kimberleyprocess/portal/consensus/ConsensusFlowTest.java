package org.kimberleyprocess.portal.consensus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
@org.springframework.test.context.event.RecordApplicationEvents
class ConsensusFlowTest {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	ConsensusService consensus;

	@Autowired
	Readers readers;

	@Autowired
	AccountDirectory accounts;

	@Test
	void theTextIsFrozenDuringARoundAndARevisedTextStartsAFreshRound() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Freeze test");
		long first = openMeeting(chair, id);
		record(SignIn.as(this.mvc, "hod-bw"), id, first, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		this.mvc.perform(post("/documents/{id}/edit", id).session(chair)
			.with(csrf())
			.param("title", "Freeze test")
			.param("text", "Changed while frozen.\n")
			.param("baseVersion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The text is frozen")));
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/withdraw", id, first).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));
		this.mvc.perform(post("/documents/{id}/edit", id).session(chair)
			.with(csrf())
			.param("title", "Freeze test")
			.param("text", "Revised after withdrawal.\n")
			.param("baseVersion", "1")).andExpect(redirectedUrl("/documents/" + id));
		long second = openMeeting(chair, id);
		assertThat(this.jdbc.queryForObject("SELECT version_number FROM consensus_round WHERE id = ?", Integer.class,
				second))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM round_position WHERE round_id = ?", Integer.class,
				second))
			.isZero();
		this.mvc.perform(get(consensusUrl(id)).session(chair))
			.andExpect(content().string(allOf(containsString("Meeting on version 2"), containsString("Earlier rounds"))));
	}

	@Test
	void refusalsAreClearAndNeverFailures() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Refusal test");
		long round = openMeeting(chair, id);
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		record(botswana, id, round, "in", "JOIN", null).andExpect(status().isForbidden());
		record(SignIn.as(this.mvc, "delegate-bw"), id, round, "bw", "JOIN", null).andExpect(status().isForbidden());
		record(SignIn.as(this.mvc, "wdc"), id, round, "wdc", "JOIN", null).andExpect(status().isForbidden());
		record(SignIn.as(this.mvc, "hod-cf"), id, round, "cf", "JOIN", null).andExpect(status().isOk())
			.andExpect(content().string(containsString("not among those taking the decision in this round")));
		record(botswana, id, round, "bw", "OBJECT", " ").andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the reason for the objection.")));
		record(botswana, id, round, "bw", "MAYBE", null).andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")));
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(botswana).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));
		MvcResult late = record(botswana, id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)))
			.andReturn();
		assertThat(((org.kimberleyprocess.portal.shared.Flash) late.getFlashMap().get("flash")).code())
			.isEqualTo("consensus.round.notOpen");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM round_position WHERE round_id = ?", Integer.class,
				round))
			.isZero();
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/withdraw", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));

		long other = circulatedDocument(chair, "Deadline test");
		this.mvc.perform(post("/documents/{id}/consensus/rounds", other).session(chair)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", "2001-01-01T12:00")
			.param("zone", "UTC"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The deadline must be in the future.")));
		this.mvc.perform(post("/documents/{id}/consensus/rounds", other).session(botswana)
			.with(csrf())
			.param("kind", "MEETING")).andExpect(status().isForbidden());
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/positions", other, round).session(botswana)
			.with(csrf())
			.param("participant", orgId("bw").toString())
			.param("position", "JOIN")).andExpect(status().isNotFound());
	}

	@Test
	void aMeetingWithoutObjectionAdoptsTheTextWithAVerifiableRecord() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Adoption test");
		long round = openMeeting(chair, id);
		record(SignIn.as(this.mvc, "hod-bw"), id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		record(SignIn.as(this.mvc, "alt-bw"), id, round, "bw", "ABSTAIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		record(chair, id, round, "in", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		this.mvc.perform(get(consensusUrl(id)).session(chair))
			.andExpect(content().string(allOf(containsString("on the delegation’s behalf"),
					containsString("Joined 1, abstained 1, objected 0"))));
		String filtered = this.mvc.perform(get(consensusUrl(id)).param("show", "ABSTAIN").session(chair))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(filtered).select("table.matrix th[scope=row]").eachText())
			.containsExactly("Botswana");
		assertThat(this.events.stream(ConsensusEvents.PositionRecorded.class)
			.filter((event) -> event.documentId() == id)
			.count()).isEqualTo(3);
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));

		String number = this.jdbc.queryForObject("SELECT official_number FROM document WHERE id = ?", String.class, id);
		assertThat(number).matches("KP/2016/Plenary/Decision \\d+");
		assertThat(this.events.stream(ConsensusEvents.RoundClosed.class)
			.filter((event) -> event.documentId() == id)
			.map(ConsensusEvents.RoundClosed::officialNumber)).containsExactly(number);
		int eligible = this.jdbc.queryForObject("SELECT COUNT(*) FROM round_eligible WHERE round_id = ?", Integer.class,
				round);
		MockHttpSession reader = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(get("/documents/{id}/adoption", id).session(reader))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(number),
					containsString("Joined 1, abstained 1, deemed to agree " + (eligible - 2) + ", objected 0."),
					containsString("matches the record"))));
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/positions.csv", id, round).session(reader))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Participant,Position,Reason"),
					containsString("Botswana,Abstains"), containsString("India,Joins"))));
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/positions.csv", id, round).param("lang", "fr")
			.session(reader))
			.andExpect(content().string(allOf(containsString("Participant,Position,Motif"),
					containsString("Botswana,S’abstient"), containsString("Inde,Se joint"))));

		this.jdbc.update("UPDATE document_version SET markdown = CONCAT(markdown, 'tampered') WHERE document_id = ?", id);
		this.mvc.perform(get("/documents/{id}/adoption", id).session(reader))
			.andExpect(content().string(containsString("Mismatch")));
	}

	@Test
	void anObjectionMeansNotAdopted() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Objection test");
		long round = openMeeting(chair, id);
		record(SignIn.as(this.mvc, "hod-in"), id, round, "in", "OBJECT", "Paragraph 2 goes too far.")
			.andExpect(redirectedUrl(consensusUrl(id)));
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id))
			.isEqualTo("NOT_ADOPTED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adoption_record WHERE document_id = ?", Integer.class,
				id))
			.isZero();
	}

	@Test
	void aReasonBelongsToThePositionItWasWrittenFor() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		MockHttpSession india = SignIn.as(this.mvc, "hod-in");
		long id = circulatedDocument(chair, "Reason test");
		long round = openMeeting(chair, id);
		String objection = "Paragraph 3 reopens the definition.";

		record(india, id, round, "in", "OBJECT", "  ").andExpect(status().isOk())
			.andExpect(content().string(containsString("error-summary")));
		assertThat(currentReason(round, "in")).isEmpty();

		record(india, id, round, "in", "OBJECT", objection).andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(currentReason(round, "in")).containsExactly(objection);
		this.mvc.perform(get(consensusUrl(id)).session(india))
			.andExpect(content().string(containsString(objection)));

		// The form offered the objection's reason again; the delegation now joins without clearing it.
		record(india, id, round, "in", "JOIN", objection).andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(currentReason(round, "in")).containsExactly((String) null);
		this.mvc.perform(get(consensusUrl(id)).session(chair))
			.andExpect(content().string(not(containsString(objection))));
		this.mvc.perform(get(consensusUrl(id)).session(india))
			.andExpect(content().string(not(containsString(objection))));

		record(india, id, round, "in", "ABSTAIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(currentReason(round, "in")).containsExactly((String) null);
		record(india, id, round, "in", "ABSTAIN", "Awaiting instructions.").andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(currentReason(round, "in")).containsExactly("Awaiting instructions.");
	}

	private java.util.List<String> currentReason(long round, String participant) {
		return this.jdbc.queryForList(
				"SELECT reason FROM round_position WHERE round_id = ? AND organisation_id = ? AND current = TRUE",
				String.class, round, orgId(participant));
	}

	@Test
	void aWrittenProcedureClosesExactlyOnceWhenTwoSchedulersRace() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Deadline race");
		Instant now = this.clock.instant();
		LocalDateTime deadline = LocalDateTime.ofInstant(now.plus(Duration.ofHours(2)), ZoneOffset.ofHours(4));
		this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(chair)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", deadline.withNano(0).toString())
			.param("zone", "Asia/Dubai")).andExpect(redirectedUrl(consensusUrl(id)));
		long round = latestRound(id);
		record(SignIn.as(this.mvc, "hod-bw"), id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		assertThat(this.consensus.closeDueRounds()).isZero();
		try {
			this.clock.travelTo(now.plus(Duration.ofHours(3)));
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<Integer> scheduler = () -> {
					start.await();
					return this.consensus.closeDueRounds();
				};
				results.add(pool.submit(scheduler));
			}
			start.countDown();
			int closed = 0;
			for (Future<Integer> result : results) {
				closed += result.get();
			}
			pool.shutdown();
			assertThat(closed).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adoption_record WHERE document_id = ?", Integer.class,
				id))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id))
			.isEqualTo("ADOPTED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM consensus_round WHERE id = ?", String.class, round))
			.isEqualTo("CLOSED");
	}

	@Test
	void aRoundThatCannotCloseAtItsDeadlineDoesNotHoldBackTheOthers() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		Instant now = this.clock.instant();
		long blockedDocument = circulatedDocument(chair, "Closing blocked");
		long blocked = openWritten(chair, blockedDocument, now.plus(Duration.ofHours(1)));
		long freeDocument = circulatedDocument(chair, "Closing free");
		long free = openWritten(chair, freeDocument, now.plus(Duration.ofHours(1)));
		// The database refuses to close one of the two rounds, as a fault would.
		this.jdbc.execute("""
				CREATE TRIGGER test_refuse_closing BEFORE UPDATE ON consensus_round FOR EACH ROW
				BEGIN
				  IF NEW.id = %d AND NEW.status <> 'OPEN' THEN
				    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Closing refused';
				  END IF;
				END""".formatted(blocked));
		try {
			this.clock.travelTo(now.plus(Duration.ofHours(2)));
			this.consensus.closeDueRounds();
			assertThat(statusOf(free)).isEqualTo("CLOSED");
			assertThat(statusOf(blocked)).isEqualTo("OPEN");
			assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, freeDocument))
				.isEqualTo("ADOPTED");
			assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class,
					blockedDocument))
				.isEqualTo("UNDER_CONSENSUS");
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adoption_record WHERE document_id = ?",
					Integer.class, blockedDocument))
				.isZero();

			this.jdbc.execute("DROP TRIGGER test_refuse_closing");
			this.consensus.closeDueRounds();
			assertThat(statusOf(blocked)).isEqualTo("CLOSED");
			assertThat(this.jdbc.queryForObject("SELECT outcome FROM consensus_round WHERE id = ?", String.class,
					blocked))
				.isEqualTo("ADOPTED");
		}
		finally {
			this.jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_closing");
			this.clock.travelTo(now);
		}
	}

	private long openWritten(MockHttpSession chair, long documentId, Instant deadline) throws Exception {
		this.mvc.perform(post("/documents/{id}/consensus/rounds", documentId).session(chair)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", MINUTES.format(LocalDateTime.ofInstant(deadline, ZoneOffset.UTC)))
			.param("zone", "UTC")).andExpect(redirectedUrl(consensusUrl(documentId)));
		return latestRound(documentId);
	}

	private String statusOf(long round) {
		return this.jdbc.queryForObject("SELECT status FROM consensus_round WHERE id = ?", String.class, round);
	}

	@Test
	void everyHeadOfDelegationRecordingAtOnceLandsWithEveryChangeKept() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Concurrency test");
		long round = openMeeting(chair, id);
		List<String> heads = this.jdbc.queryForList("""
				SELECT a.username FROM account a JOIN organisation o ON o.id = a.organisation_id
				JOIN round_eligible e ON e.organisation_id = o.id AND e.round_id = ?
				JOIN account_role r ON r.account_id = a.id AND r.role = 'HEAD_OF_DELEGATION'""", String.class, round);
		assertThat(heads).hasSizeGreaterThanOrEqualTo(50);
		List<Reader> readers = heads.stream()
			.map((username) -> this.readers.of(this.accounts.findForSignIn(username).orElseThrow()))
			.toList();
		// Fewer threads than the connection pool holds: the recordings contend for the round's row,
		// not for connections, which a loaded machine would otherwise time out waiting for.
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (Reader viewer : readers) {
			done.add(pool.submit(() -> {
				start.await();
				this.consensus.record(viewer, id, round, viewer.organisationId(), Position.JOIN, null);
				this.consensus.record(viewer, id, round, viewer.organisationId(), Position.ABSTAIN, null);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM round_position WHERE round_id = ? AND current = TRUE", Integer.class, round))
			.isEqualTo(heads.size());
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM round_position WHERE round_id = ? AND current = TRUE AND position = 'ABSTAIN'",
				Integer.class, round))
			.isEqualTo(heads.size());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM round_position WHERE round_id = ?", Integer.class,
				round))
			.isEqualTo(2 * heads.size());
	}

	@Test
	void theRoundPageCostsTheSameForFiveAndForAllParticipants() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long few = circulatedDocument(chair, "Five positions");
		long fewRound = openMeeting(chair, few);
		long all = circulatedDocument(chair, "All positions");
		long allRound = openMeeting(chair, all);
		this.jdbc.update("""
				INSERT INTO round_position (round_id, organisation_id, position, recorded_by_id, recorded_by_name,
				  on_behalf, recorded_at, version_sha256, current)
				SELECT ?, e.organisation_id, 'JOIN', 1, 'Test', FALSE, NOW(6), r.version_sha256, TRUE
				FROM round_eligible e JOIN consensus_round r ON r.id = e.round_id WHERE e.round_id = ?
				ORDER BY e.organisation_id LIMIT 5""", fewRound, fewRound);
		this.jdbc.update("""
				INSERT INTO round_position (round_id, organisation_id, position, recorded_by_id, recorded_by_name,
				  on_behalf, recorded_at, version_sha256, current)
				SELECT ?, e.organisation_id, 'JOIN', 1, 'Test', FALSE, NOW(6), r.version_sha256, TRUE
				FROM round_eligible e JOIN consensus_round r ON r.id = e.round_id WHERE e.round_id = ?""", allRound,
				allRound);
		// Each page once before it is counted: a first visit may store the session's CSRF token and
		// take the flash message of the form before it, each a write of the session.
		this.mvc.perform(get(consensusUrl(few)).session(chair)).andExpect(status().isOk());
		this.mvc.perform(get(consensusUrl(all)).session(chair)).andExpect(status().isOk());
		SqlStatementCounter.reset();
		this.mvc.perform(get(consensusUrl(few)).session(chair)).andExpect(status().isOk());
		long five = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		this.mvc.perform(get(consensusUrl(all)).session(chair)).andExpect(status().isOk());
		long everyone = SqlStatementCounter.count();
		assertThat(everyone).isEqualTo(five).isLessThanOrEqualTo(16);
	}

	@Test
	void theOpenRoundsListShowsWhatAwaitsTheDelegation() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Awaiting test");
		openMeeting(chair, id);
		this.mvc.perform(get("/consensus").session(SignIn.as(this.mvc, "hod-na")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Awaiting test"), containsString("Awaiting your position"))));
		this.mvc.perform(get("/consensus").session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Awaiting test"))));
	}

	@Test
	void aPositionOneSecondAfterTheDeadlineIsRefusedAndTheOutcomeIgnoresIt() throws Exception {
		Instant start = this.clock.instant();
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Deadline instant test");
		Instant deadline = start.plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
		this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(chair)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", MINUTES.format(LocalDateTime.ofInstant(deadline, ZoneOffset.UTC)))
			.param("zone", "UTC")).andExpect(redirectedUrl(consensusUrl(id)));
		long round = latestRound(id);
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		MockHttpSession india = SignIn.as(this.mvc, "hod-in");
		try {
			record(botswana, id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
			this.clock.travelTo(deadline.plusSeconds(1));
			refusedAfterDeadline(record(india, id, round, "in", "OBJECT", "Too late to object."), id);
			this.clock.travelTo(deadline);
			refusedAfterDeadline(record(india, id, round, "in", "OBJECT", "Exactly at the deadline."), id);
			assertThat(this.jdbc.queryForList(
					"SELECT o.code FROM round_position p JOIN organisation o ON o.id = p.organisation_id WHERE p.round_id = ?",
					String.class, round))
				.containsExactly("bw");
			// An objection that reached the table after the deadline (as a late write would) is not counted.
			this.jdbc.update("""
					INSERT INTO round_position (round_id, organisation_id, position, reason, recorded_by_id, recorded_by_name,
					  on_behalf, recorded_at, version_sha256, current)
					SELECT r.id, o.id, 'OBJECT', 'Late', 1, 'Test', FALSE, ?, r.version_sha256, TRUE
					FROM consensus_round r, organisation o WHERE r.id = ? AND o.code = 'za'""",
					LocalDateTime.ofInstant(deadline.plusSeconds(3), ZoneOffset.UTC), round);
			this.clock.travelTo(deadline.plusSeconds(5));
			this.consensus.closeDueRounds();
			assertThat(this.jdbc.queryForObject("SELECT outcome FROM consensus_round WHERE id = ?", String.class, round))
				.isEqualTo("ADOPTED");
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM adoption_record WHERE document_id = ?", Integer.class, id))
				.isEqualTo(1);
		}
		finally {
			this.clock.travelTo(start);
		}
	}

	@Test
	void aParticipantSuspendedDuringARoundNeitherRecordsNorCounts() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Suspended during the round");
		long round = openMeeting(chair, id);
		record(SignIn.as(this.mvc, "hod-za"), id, round, "za", "OBJECT", "South Africa objects.")
			.andExpect(redirectedUrl(consensusUrl(id)));
		MockHttpSession zimbabwe = SignIn.as(this.mvc, "hod-zw");
		this.jdbc.update("UPDATE organisation SET participant_status = 'SUSPENDED' WHERE code IN ('za', 'zw')");
		try {
			record(zimbabwe, id, round, "zw", "JOIN", null).andExpect(status().isOk())
				.andExpect(content().string(containsString("not among those taking the decision")));
			this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
				.andExpect(redirectedUrl(consensusUrl(id)));
			assertThat(this.jdbc.queryForObject("SELECT outcome FROM consensus_round WHERE id = ?", String.class, round))
				.isEqualTo("ADOPTED");
			List<String> recorded = this.jdbc.queryForList("""
					SELECT e.participant_en FROM adoption_entry e JOIN adoption_record r ON r.id = e.record_id
					WHERE r.document_id = ?""", String.class, id);
			assertThat(recorded).isNotEmpty().doesNotContain("South Africa", "Zimbabwe").contains("Botswana");
		}
		finally {
			this.jdbc.update("UPDATE organisation SET participant_status = 'ACTIVE' WHERE code IN ('za', 'zw')");
		}
	}

	@Test
	void aWorkingGroupsRoundIsDecidedByItsMemberParticipants() throws Exception {
		long group = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgm'", Long.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long id = circulatedDocument(chair, "Working group eligibility test", String.valueOf(group));
		this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(chair).with(csrf()).param("kind", "MEETING"))
			.andExpect(redirectedUrl(consensusUrl(id)));
		long round = latestRound(id);
		List<String> eligible = this.jdbc.queryForList("""
				SELECT o.code FROM round_eligible e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.round_id = ? ORDER BY o.code""", String.class, round);
		List<String> members = this.jdbc.queryForList("""
				SELECT o.code FROM working_group_member m JOIN organisation o ON o.id = m.organisation_id
				WHERE m.working_group_id = ? AND m.standing <> 'OBSERVER' AND o.kind = 'PARTICIPANT'
				AND o.participant_status = 'ACTIVE' ORDER BY o.code""", String.class, group);
		assertThat(eligible).isEqualTo(members).contains("bw", "eu").doesNotContain("gh", "wdc", "kp-csc");
		record(SignIn.as(this.mvc, "hod-bw"), id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));
		record(SignIn.as(this.mvc, "hod-gh"), id, round, "gh", "JOIN", null).andExpect(status().isOk())
			.andExpect(content().string(containsString("not among those taking the decision")));
	}

	/** The delegation is sent back to the round's page, told why, and the page shows it in its language. */
	private void refusedAfterDeadline(ResultActions answer, long id)
			throws Exception {
		MvcResult result = answer.andExpect(redirectedUrl(consensusUrl(id))).andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.code()).isEqualTo("consensus.position.afterDeadline");
		this.mvc.perform(get(consensusUrl(id)).session((MockHttpSession) result.getRequest().getSession())
			.flashAttr("flash", flash))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The deadline of this written procedure has passed")));
	}

	@Test
	void closingOrWithdrawingAsksFirstWithTheTallyAndEachObjectionAndDoesNothingUntilConfirmed() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulatedDocument(chair, "Confirmation test " + java.util.UUID.randomUUID());
		long round = openMeeting(chair, id);
		record(SignIn.as(this.mvc, "hod-in"), id, round, "in", "OBJECT", "Paragraph 3 goes too far.")
			.andExpect(redirectedUrl(consensusUrl(id)));
		record(SignIn.as(this.mvc, "hod-bw"), id, round, "bw", "JOIN", null).andExpect(redirectedUrl(consensusUrl(id)));

		this.mvc.perform(get(consensusUrl(id)).session(chair))
			.andExpect(content().string(allOf(
					containsString("href=\"/documents/" + id + "/consensus/rounds/" + round + "/close\""),
					not(containsString("action=\"/documents/" + id + "/consensus/rounds/" + round + "/close\"")))));
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Close the round and declare the outcome?"),
					containsString("Joined 1, abstained 0, objected 1"), containsString("India"),
					containsString("Paragraph 3 goes too far."), containsString("does not adopt the text"),
					containsString("This cannot be undone."),
					containsString("action=\"/documents/" + id + "/consensus/rounds/" + round + "/close\""))));
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/withdraw", id, round).session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Withdraw the round?"),
					containsString("ends the round without a decision"))));
		assertThat(this.jdbc.queryForObject("SELECT status FROM consensus_round WHERE id = ?", String.class, round))
			.isEqualTo("OPEN");
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/close", id, round).session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl(consensusUrl(id)));
		this.mvc.perform(get("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The round is no longer open."),
					not(containsString("Close the round now")))));
	}

	private ResultActions record(MockHttpSession session, long id, long round, String participant, String position,
			String reason) throws Exception {
		var request = post("/documents/{id}/consensus/rounds/{r}/positions", id, round).session(session)
			.with(csrf())
			.param("participant", orgId(participant).toString())
			.param("position", position);
		if (reason != null) {
			request.param("reason", reason);
		}
		return this.mvc.perform(request);
	}

	private long openMeeting(MockHttpSession chair, long id) throws Exception {
		this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(chair).with(csrf()).param("kind", "MEETING"))
			.andExpect(redirectedUrl(consensusUrl(id)));
		return latestRound(id);
	}

	private long latestRound(long id) {
		return this.jdbc.queryForObject("SELECT MAX(id) FROM consensus_round WHERE document_id = ?", Long.class, id);
	}

	private long circulatedDocument(MockHttpSession chair, String title) throws Exception {
		return circulatedDocument(chair, title, "PLENARY");
	}

	private long circulatedDocument(MockHttpSession chair, String title, String body) throws Exception {
		MvcResult result = this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", title)
			.param("type", "DECISION")
			.param("body", body)
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "The Plenary decides.\n")).andExpect(redirectedUrlPattern("/documents/*")).andReturn();
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/documents/".length()));
		this.mvc.perform(post("/documents/{id}/circulate", id).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));
		return id;
	}

	private Long orgId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	private static String consensusUrl(long id) {
		return "/documents/" + id + "/consensus";
	}

}
