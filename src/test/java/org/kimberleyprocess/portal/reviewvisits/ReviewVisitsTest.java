package org.kimberleyprocess.portal.reviewvisits;

import java.time.Duration;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
class ReviewVisitsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Test
	void aVisitGoesThroughEveryStateWithTheRightRoles() throws Exception {
		MockHttpSession host = SignIn.as(this.mvc, "hod-mx");
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long id = offer(host);
		assertThat(statusOf(id)).isEqualTo("OFFERED");
		step(chair, id, "accept");
		step(chair, id, "call-for-experts");
		for (String expert : List.of("hod-ca", "hod-ru", "wdc", "csc")) {
			step(SignIn.as(this.mvc, expert), id, "volunteer");
		}
		List<Long> volunteers = volunteers(id);
		assertThat(volunteers).hasSize(4);

		this.mvc.perform(post("/review-visits/{id}/team", id).session(chair)
			.with(csrf())
			.param("members", volunteers.get(0).toString(), volunteers.get(1).toString(), volunteers.get(2).toString())
			.param("leader", volunteers.get(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The leader must come from a Participant."),
					containsString("at least one civil-society member"))));
		assertThat(statusOf(id)).isEqualTo("TEAM_FORMING");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM review_visit_volunteer WHERE visit_id = ? AND selected",
				Integer.class, id))
			.as("nothing half-saved")
			.isZero();

		this.mvc.perform(post("/review-visits/{id}/team", id).session(chair)
			.with(csrf())
			.param("members", volunteers.stream().map(String::valueOf).toArray(String[]::new))
			.param("leader", volunteers.get(0).toString())).andExpect(redirectedUrl("/review-visits/" + id));
		this.mvc.perform(post("/review-visits/{id}/dates", id).session(host)
			.with(csrf())
			.param("start", "2017-05-10")
			.param("end", "2017-05-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The last day cannot be before the first.")));
		this.mvc.perform(post("/review-visits/{id}/dates", id).session(host)
			.with(csrf())
			.param("start", "2017-05-01")
			.param("end", "2017-05-05")).andExpect(redirectedUrl("/review-visits/" + id));
		step(chair, id, "complete");
		step(chair, id, "report");
		step(chair, id, "send-to-host");
		long report = this.jdbc.queryForObject("SELECT report_document_id FROM review_visit WHERE id = ?", Long.class, id);
		this.mvc.perform(get("/documents/{d}", report).session(host)).andExpect(status().isOk());
		this.mvc.perform(get("/documents/{d}", report).session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/documents/{d}/consensus/rounds", report).session(chair).with(csrf()).param("kind", "MEETING"))
			.andExpect(redirectedUrlPattern("/documents/*/consensus"));
		long round = this.jdbc.queryForObject("SELECT MAX(id) FROM consensus_round WHERE document_id = ?", Long.class,
				report);
		this.mvc.perform(post("/documents/{d}/consensus/rounds/{r}/close", report, round).session(chair).with(csrf()))
			.andExpect(redirectedUrlPattern("/documents/*/consensus"));
		// The visit follows its report's adoption once the closing has committed.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statusOf(id)).isEqualTo("REPORT_ADOPTED"));
		MockHttpSession chairsOffice = SignIn.as(this.mvc, "chair");
		expectRefused(chairsOffice, id, "publish", "visit.publish.noConsent");
		step(host, id, "consent");
		step(chairsOffice, id, "publish");
		assertThat(this.jdbc.queryForObject("SELECT confidentiality FROM document WHERE id = ?", String.class, report))
			.isEqualTo("PUBLIC");
		step(chair, id, "close-follow-up");
		assertThat(statusOf(id)).isEqualTo("FOLLOW_UP_CLOSED");
		assertThat(this.jdbc.queryForList("SELECT to_status FROM review_visit_event WHERE visit_id = ? ORDER BY id",
				String.class, id))
			.containsSubsequence("OFFERED", "ACCEPTED", "TEAM_FORMING", "TEAM_CONFIRMED", "SCHEDULED", "COMPLETED",
					"DRAFT_REPORT", "HOST_COMMENTS", "REPORT_ADOPTED", "FOLLOW_UP_CLOSED");
		// What the portal noted on the timeline itself reads in each reader's language.
		this.mvc.perform(get("/review-visits/{id}", id).param("lang", "fr").session(host))
			.andExpect(content().string(allOf(containsString("L’hôte consent à la publication du rapport."),
					containsString("Le rapport est publié."), containsString("1–5 mai 2017"),
					not(containsString(">consent<")), not(containsString("2017-05-01")), not(containsString("\u0003")))));
		this.mvc.perform(get("/review-visits/{id}", id).param("lang", "en").session(host))
			.andExpect(content().string(allOf(containsString("The host consents to publishing the report."),
					containsString("1–5 May 2017"))));
	}

	@Test
	void withdrawingPostponingAndDecliningNeedAReasonAndTheRightRole() throws Exception {
		MockHttpSession host = SignIn.as(this.mvc, "hod-mx");
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long postponed = offer(host);
		this.mvc.perform(post("/review-visits/{id}/postpone", postponed).session(host).with(csrf()).param("reason", " "))
			.andExpect(redirectedUrl("/review-visits/" + postponed));
		assertThat(statusOf(postponed)).isEqualTo("OFFERED");
		this.mvc.perform(post("/review-visits/{id}/postpone", postponed).session(host)
			.with(csrf())
			.param("reason", "Elections")).andExpect(redirectedUrl("/review-visits/" + postponed));
		assertThat(statusOf(postponed)).isEqualTo("POSTPONED");
		step(host, postponed, "reoffer");
		this.mvc.perform(post("/review-visits/{id}/withdraw", postponed).session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("reason", "Not mine")).andExpect(status().isForbidden());
		this.mvc.perform(post("/review-visits/{id}/withdraw", postponed).session(chair)
			.with(csrf())
			.param("reason", "The host asked us to")).andExpect(redirectedUrl("/review-visits/" + postponed));
		assertThat(statusOf(postponed)).isEqualTo("WITHDRAWN");
		expectRefused(chair, postponed, "accept", "visit.state.wrong");

		long declined = offer(host);
		this.mvc.perform(post("/review-visits/{id}/decline", declined).session(host)
			.with(csrf())
			.param("reason", "I decline myself")).andExpect(status().isForbidden());
		this.mvc.perform(post("/review-visits/{id}/decline", declined).session(chair)
			.with(csrf())
			.param("reason", "No capacity this year")).andExpect(redirectedUrl("/review-visits/" + declined));
		assertThat(statusOf(declined)).isEqualTo("DECLINED");
	}

	@Test
	void offersAreForOnesOwnActiveParticipantOnly() throws Exception {
		this.mvc.perform(offerRequest(SignIn.as(this.mvc, "delegate-bw"))).andExpect(status().isForbidden());
		this.mvc.perform(offerRequest(SignIn.as(this.mvc, "wdc"))).andExpect(status().isForbidden());
		this.mvc.perform(offerRequest(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only an active Participant can offer")));
		this.mvc.perform(post("/review-visits").session(SignIn.as(this.mvc, "hod-mx"))
			.with(csrf())
			.param("preferredYear", "next year")
			.param("preferredPeriod", "")
			.param("scope", "Everything")
			.param("contactPerson", "Ana"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("Enter the year as four digits"), containsString("Everything"))));
		long id = offer(SignIn.as(this.mvc, "hod-mx"));
		this.mvc.perform(post("/review-visits/{id}/accept", id).session(SignIn.as(this.mvc, "hod-bw")).with(csrf()))
			.andExpect(status().isForbidden());
		step(SignIn.as(this.mvc, "wgm"), id, "accept");
		step(SignIn.as(this.mvc, "wgm"), id, "call-for-experts");
		this.mvc.perform(post("/review-visits/{id}/volunteer", id).session(SignIn.as(this.mvc, "hod-mx")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReportIsOverdueOnceItsDueDatePassesWithoutAdoption() throws Exception {
		long tanzania = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'tz' AND v.preferred_year = 2016""", Long.class);
		MockHttpSession reader = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/review-visits/{id}", tanzania).session(reader))
			.andExpect(content().string(containsString("Report overdue")));
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(Instant.parse("2016-10-01T00:00:00Z"));
			this.mvc.perform(get("/review-visits/{id}", tanzania).session(reader))
				.andExpect(content().string(not(containsString("Report overdue"))));
			this.clock.travelTo(Instant.parse("2016-10-09T00:00:00Z"));
			this.mvc.perform(get("/review-visits/{id}", tanzania).session(reader))
				.andExpect(content().string(containsString("Report overdue")));
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(this.jdbc.queryForObject("SELECT report_due FROM review_visit WHERE id = ?", String.class, tanzania))
			.isEqualTo("2016-10-08");
	}

	@Test
	void thePublicRegisterShowsOffersAndCompletedVisitsWithoutInternalDetails() throws Exception {
		String register = this.mvc.perform(get("/review-visits"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(register).contains("Botswana", "Belarus", "Visit completed", "Offered").doesNotContain("Postponed");
		long botswana = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'bw'""", Long.class);
		this.mvc.perform(get("/review-visits/{id}", botswana))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Botswana"),
					not(containsString("Kimberley Process focal point")), not(containsString("World Diamond Council")),
					not(containsString("Timeline")))));
		long panama = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'pa'""", Long.class);
		this.mvc.perform(get("/review-visits/{id}", panama)).andExpect(status().isNotFound());
		this.mvc.perform(get("/review-visits/{id}", botswana).session(SignIn.as(this.mvc, "hod-in")))
			.andExpect(content().string(allOf(containsString("Kimberley Process focal point"),
					containsString("World Diamond Council"), containsString("Timeline"))));
		this.mvc.perform(get("/review-visits/new")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void guestsAndApplicantsSeeVisitsAsThePublicDoesOnEveryChannel() throws Exception {
		long botswana = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'bw'""", Long.class);
		long panama = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'pa'""", Long.class);
		String mexicoScope = this.jdbc.queryForObject("""
				SELECT v.scope FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'mx' AND v.status = 'SCHEDULED'""", String.class);
		for (String username : List.of("guest-gga", "hod-ga")) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(get("/review-visits").session(session))
				.andExpect(content().string(not(containsString("Postponed"))));
			this.mvc.perform(get("/review-visits/{id}", panama).session(session)).andExpect(status().isNotFound());
			this.mvc.perform(get("/review-visits/{id}", botswana).session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(not(containsString("Timeline")),
						not(containsString("World Diamond Council")), not(containsString("Kimberley Process focal point")))));
			this.mvc.perform(get("/search").param("q", "issuing certificates").session(session))
				.andExpect(content().string(not(containsString("href=\"/review-visits/"))));
			this.mvc.perform(post("/calendar").session(session).with(csrf())).andExpect(redirectedUrl("/calendar"));
			String token = this.jdbc.queryForObject("""
					SELECT t.token FROM calendar_token t JOIN account a ON a.id = t.account_id WHERE a.username = ?""",
					String.class, username);
			// The feed is written in the language its owner reads the portal in.
			boolean french = "fr".equals(this.jdbc.queryForObject(
					"SELECT preferred_language FROM account WHERE username = ?", String.class, username));
			this.mvc.perform(get("/calendar/{token}.ics", token))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString(french ? "Visite d’examen : Mexique" : "Review visit: Mexico"),
						not(containsString(mexicoScope.substring(0, 20))))));
			this.mvc.perform(post("/calendar/revoke").session(session).with(csrf()));
		}
		this.mvc.perform(get("/search").param("q", "issuing certificates").session(SignIn.as(this.mvc, "hod-in")))
			.andExpect(content().string(containsString("href=\"/review-visits/")));
	}

	@Test
	void nobodySitsOnTwoVisitsThatOverlap() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long first = visitWithTeam(chair, "hod-mx");
		long second = visitWithTeam(chair, "hod-th");
		this.mvc.perform(post("/review-visits/{id}/dates", first).session(chair)
			.with(csrf())
			.param("start", "2019-01-07")
			.param("end", "2019-01-11")).andExpect(redirectedUrl("/review-visits/" + first));
		this.mvc.perform(post("/review-visits/{id}/dates", second).session(chair)
			.with(csrf())
			.param("start", "2019-01-10")
			.param("end", "2019-01-14"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is on another visit at those dates.")));
		assertThat(statusOf(second)).isEqualTo("TEAM_CONFIRMED");
		this.mvc.perform(post("/review-visits/{id}/dates", second).session(chair)
			.with(csrf())
			.param("start", "2019-01-14")
			.param("end", "2019-01-18")).andExpect(redirectedUrl("/review-visits/" + second));
	}

	private long visitWithTeam(MockHttpSession chair, String host) throws Exception {
		long id = offer(SignIn.as(this.mvc, host));
		step(chair, id, "accept");
		step(chair, id, "call-for-experts");
		for (String expert : List.of("hod-ca", "hod-ru", "wdc", "csc")) {
			step(SignIn.as(this.mvc, expert), id, "volunteer");
		}
		List<Long> volunteers = volunteers(id);
		this.mvc.perform(post("/review-visits/{id}/team", id).session(chair)
			.with(csrf())
			.param("members", volunteers.stream().map(String::valueOf).toArray(String[]::new))
			.param("leader", volunteers.get(0).toString())).andExpect(redirectedUrl("/review-visits/" + id));
		return id;
	}

	@Test
	void theCalendarFeedIsValidICalendarAtASecretAddressThatCanBeRevoked() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		long id = visitWithTeam(chair, "hod-mx");
		this.mvc.perform(post("/review-visits/{id}/dates", id).session(chair)
			.with(csrf())
			.param("start", "2018-03-05")
			.param("end", "2018-03-09")).andExpect(redirectedUrl("/review-visits/" + id));

		MockHttpSession chairsOffice = SignIn.as(this.mvc, "chair");
		String document = this.mvc.perform(post("/documents").session(chairsOffice)
			.with(csrf())
			.param("title", "Calendar procedure")
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "The Plenary decides.\n"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(document + "/circulate").session(chairsOffice).with(csrf()));
		this.mvc.perform(post(document + "/consensus/rounds").session(chairsOffice)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", "2030-01-15T12:00")
			.param("zone", "UTC")).andExpect(redirectedUrl(document + "/consensus"));

		MockHttpSession reader = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(post("/calendar").session(reader).with(csrf()))
			.andExpect(redirectedUrl("/calendar"));
		String token = this.jdbc.queryForObject("""
				SELECT t.token FROM calendar_token t JOIN account a ON a.id = t.account_id WHERE a.username = 'hod-au'""",
				String.class);
		String feed = this.mvc.perform(get("/calendar/{token}.ics", token))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
		calendar.validate();
		List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("Review visit: Mexico");
			assertThat(event.getDateTimeStart().orElseThrow().getValue()).isEqualTo("20180305");
			assertThat(event.getDateTimeEnd().orElseThrow().getValue()).isEqualTo("20180310");
		});
		assertThat(events).anySatisfy((event) -> assertThat(event.getSummary().orElseThrow().getValue())
			.isEqualTo("Plenary meeting 2016"));
		assertThat(events).anySatisfy((event) -> assertThat(event.getSummary().orElseThrow().getValue())
			.isEqualTo("Written procedure deadline: Calendar procedure"));

		this.mvc.perform(post("/calendar/revoke").session(reader).with(csrf()))
			.andExpect(redirectedUrl("/calendar"));
		this.mvc.perform(get("/calendar/{token}.ics", token)).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar/{token}.ics", "not-a-token")).andExpect(status().isNotFound());
	}

	private long offer(MockHttpSession host) throws Exception {
		MvcResult result = this.mvc.perform(offerRequest(host))
			.andExpect(redirectedUrlPattern("/review-visits/*"))
			.andReturn();
		String url = result.getResponse().getRedirectedUrl();
		return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
	}

	private org.springframework.test.web.servlet.RequestBuilder offerRequest(MockHttpSession session) {
		return post("/review-visits").session(session)
			.with(csrf())
			.param("preferredYear", "2018")
			.param("preferredPeriod", "Spring")
			.param("scope", "The whole certification system.")
			.param("contactPerson", "Ana López");
	}

	private ResultActions step(MockHttpSession session, long id, String step) throws Exception {
		MvcResult result = this.mvc.perform(post("/review-visits/{id}/" + step, id).session(session).with(csrf()))
			.andExpect(redirectedUrl("/review-visits/" + id))
			.andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.success()).as(step + ": " + flash.code()).isTrue();
		return null;
	}

	private void expectRefused(MockHttpSession session, long id, String step, String code) throws Exception {
		MvcResult result = this.mvc.perform(post("/review-visits/{id}/" + step, id).session(session).with(csrf()))
			.andExpect(redirectedUrl("/review-visits/" + id))
			.andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.success()).isFalse();
		assertThat(flash.code()).isEqualTo(code);
	}

	private List<Long> volunteers(long id) {
		return this.jdbc.queryForList("SELECT id FROM review_visit_volunteer WHERE visit_id = ? ORDER BY id", Long.class,
				id);
	}

	private String statusOf(long id) {
		return this.jdbc.queryForObject("SELECT status FROM review_visit WHERE id = ?", String.class, id);
	}

}
