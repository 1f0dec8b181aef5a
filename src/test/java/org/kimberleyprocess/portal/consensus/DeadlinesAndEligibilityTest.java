package org.kimberleyprocess.portal.consensus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A written procedure takes no position from its deadline on, whatever the closing job has done,
 * and its outcome counts only what came before; a working group's round is decided by the
 * group's member Participants.
 */
@PortalTest
class DeadlinesAndEligibilityTest {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	ConsensusService consensus;

	@Test
	void aPositionOneSecondAfterTheDeadlineIsRefusedAndTheOutcomeIgnoresIt() throws Exception {
		Instant start = this.clock.instant();
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = circulated(chair, "Deadline instant test", "PLENARY");
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
	void aWorkingGroupsRoundIsDecidedByItsMemberParticipants() throws Exception {
		long group = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgm'", Long.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long id = circulated(chair, "Working group eligibility test", String.valueOf(group));
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
	private void refusedAfterDeadline(org.springframework.test.web.servlet.ResultActions answer, long id)
			throws Exception {
		MvcResult result = answer.andExpect(redirectedUrl(consensusUrl(id))).andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.code()).isEqualTo("consensus.position.afterDeadline");
		this.mvc.perform(get(consensusUrl(id)).session((MockHttpSession) result.getRequest().getSession())
			.flashAttr("flash", flash))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The deadline of this written procedure has passed")));
	}

	private org.springframework.test.web.servlet.ResultActions record(MockHttpSession session, long id, long round,
			String participant, String position, String reason) throws Exception {
		var request = post("/documents/{id}/consensus/rounds/{r}/positions", id, round).session(session)
			.with(csrf())
			.param("participant", this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class,
					participant).toString())
			.param("position", position);
		if (reason != null) {
			request.param("reason", reason);
		}
		return this.mvc.perform(request);
	}

	private long circulated(MockHttpSession author, String title, String body) throws Exception {
		MvcResult result = this.mvc.perform(post("/documents").session(author)
			.with(csrf())
			.param("title", title)
			.param("type", "DECISION")
			.param("body", body)
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "The text to decide.\n")).andExpect(redirectedUrlPattern("/documents/*")).andReturn();
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/documents/".length()));
		this.mvc.perform(post("/documents/{id}/circulate", id).session(author).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));
		return id;
	}

	private long latestRound(long id) {
		return this.jdbc.queryForObject("SELECT MAX(id) FROM consensus_round WHERE document_id = ?", Long.class, id);
	}

	private static String consensusUrl(long id) {
		return "/documents/" + id + "/consensus";
	}

}
