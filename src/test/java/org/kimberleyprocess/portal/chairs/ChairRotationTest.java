package org.kimberleyprocess.portal.chairs;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class ChairRotationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PortalClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsensusService consensus;

	@Test
	void theHistoryIsPublicWithTheCommitteeChairDerivedFromThePreviousYear() throws Exception {
		String page = this.mvc.perform(get("/chairs"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("United Arab Emirates chairs the Kimberley Process in 2016."),
					containsString("Australia will chair it in 2017."))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		assertThat(html.select("tbody tr").first().text()).isEqualTo("2003 South Africa Canada");
		assertThat(html.select("tbody tr:has(th:containsOwn(2016))").text())
			.isEqualTo("2016 United Arab Emirates Australia Angola");
	}

	@Test
	void chairsOfficeRightsSwitchAtMidnightUtcOnTheFirstOfJanuary() throws Exception {
		MockHttpSession outgoing = SignIn.as(this.mvc, "chair");
		MockHttpSession incoming = SignIn.as(this.mvc, "chair-au");
		Instant now = this.clock.instant();
		try {
			this.mvc.perform(get("/admin").session(outgoing)).andExpect(status().isOk());
			this.mvc.perform(get("/admin").session(incoming)).andExpect(status().isForbidden());
			this.clock.travelTo(Instant.parse("2016-12-31T23:59:50Z"));
			// Signed in on New Year's Eve: a session of the Chair's office lasts twelve hours at most.
			outgoing = SignIn.as(this.mvc, "chair");
			incoming = SignIn.as(this.mvc, "chair-au");
			this.mvc.perform(get("/admin").session(outgoing)).andExpect(status().isOk());
			this.mvc.perform(get("/admin").session(incoming)).andExpect(status().isForbidden());
			this.clock.travelTo(Instant.parse("2017-01-01T00:00:01Z"));
			this.mvc.perform(get("/admin").session(outgoing)).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin").session(incoming)).andExpect(status().isOk());
			this.mvc.perform(get("/home").session(outgoing))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/admin\""))));
		}
		finally {
			this.clock.travelTo(now);
		}
		this.mvc.perform(get("/admin").session(outgoing)).andExpect(status().isOk());
	}

	@Autowired
	OfficeSwitchWatch watch;

	@Test
	void theAuditShowsTheSwitchOfTheChairsOfficeOnce() throws Exception {
		String switches = "SELECT COUNT(*) FROM audit_entry WHERE action = 'Chair''s office switched' AND target = 'Chair''s office 2017'";
		int before = this.jdbc.queryForObject(switches, Integer.class);
		Instant now = this.clock.instant();
		try {
			this.jdbc.update("DELETE FROM chair_office_switch WHERE year = 2017");
			this.clock.travelTo(Instant.parse("2017-01-01T00:00:05Z"));
			this.watch.check();
			this.watch.check();
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(this.jdbc.queryForObject(switches, Integer.class)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT summary FROM audit_entry WHERE action = 'Chair''s office switched' AND target = 'Chair''s office 2017' ORDER BY id DESC LIMIT 1",
				String.class))
			.contains("From United Arab Emirates to Australia at 2017-01-01T00:00:00Z");
		this.mvc.perform(get("/audit").param("action", "Chair's office switched").session(SignIn.as(this.mvc, "admin")))
			.andExpect(content().string(containsString("From United Arab Emirates to Australia")));
	}

	@Test
	void adoptingTheSelectionDecisionFillsTheSchedule() throws Exception {
		assertThat(viceChairOf(2017)).isNull();
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(Instant.parse("2016-11-17T14:00:30Z"));
			this.consensus.closeDueRounds();
		}
		finally {
			this.clock.travelTo(now);
		}
		// The schedule follows the adoption after it commits.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(viceChairOf(2017)).isEqualTo("eu"));
		assertThat(this.jdbc.queryForObject(
				"SELECT o.code FROM chair_term t JOIN organisation o ON o.id = t.chair_organisation_id WHERE t.year = 2018",
				String.class))
			.isEqualTo("eu");
		this.mvc.perform(get("/chairs")).andExpect(content().string(containsString("European Union")));
	}

	@Test
	void futureYearsAreSetUnderTheRulesOfTheSchedule() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(get("/admin/chairs").session(chair)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/chairs").session(SignIn.as(this.mvc, "hod-bw"))).andExpect(status().isForbidden());
		int next = this.jdbc.queryForObject("SELECT MAX(year) FROM chair_term", Integer.class) + 1;
		try {
			setYears(chair, next);
		}
		finally {
			this.jdbc.update("DELETE FROM chair_term WHERE year >= ?", next);
		}
	}

	private void setYears(MockHttpSession chair, int next) throws Exception {
		setYear(chair, 2015, "bw", "in", null).andExpect(content().string(containsString("Only future years")));
		setYear(chair, next, "bw", "bw", null).andExpect(content().string(containsString("must differ")));
		setYear(chair, next, "cf", "in", null).andExpect(content().string(containsString("Choose an active Participant")));
		setYear(chair, next + 5, "bw", "in", null).andExpect(content().string(containsString("set the previous year first")));
		setYear(chair, next, "bw", "in", null).andExpect(status().is3xxRedirection());
		setYear(chair, next + 1, "na", null, null).andExpect(content().string(containsString("name an adopted decision")));
		Long adopted = this.jdbc.queryForObject("SELECT MIN(id) FROM document WHERE status = 'ADOPTED'", Long.class);
		setYear(chair, next + 1, "na", null, adopted).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("SELECT departure_document_id FROM chair_term WHERE year = ?", Long.class,
				next + 1))
			.isEqualTo(adopted);
	}

	private org.springframework.test.web.servlet.ResultActions setYear(MockHttpSession session, int year, String chair,
			String vice, Long departure) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/chairs")
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("year", String.valueOf(year))
			.param("chair", orgId(chair));
		if (vice != null) {
			request.param("viceChair", orgId(vice));
		}
		if (departure != null) {
			request.param("departureDocument", departure.toString());
		}
		return this.mvc.perform(request);
	}

	private String orgId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code).toString();
	}

	private String viceChairOf(int year) {
		return this.jdbc.queryForObject("""
				SELECT o.code FROM chair_term t LEFT JOIN organisation o ON o.id = t.vice_chair_organisation_id
				WHERE t.year = ?""", String.class, year);
	}

}
