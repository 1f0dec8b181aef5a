package org.kimberleyprocess.portal.home;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page says what awaits each person, and each item leads to the page where they act on
 * it; what is done or not theirs is not listed.
 */
@PortalTest
class HomePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHeadOfDelegationSeesTheRoundAwaitingItsPositionTheChangedTextAndTheReplyToItsComment() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String title = "Home page test " + UUID.randomUUID();
		String document = create(chair, title);
		this.mvc.perform(post(document + "/circulate").session(chair).with(csrf()));

		MockHttpSession australia = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(get(document).session(australia)).andExpect(status().isOk());
		String mine = this.mvc.perform(post(document + "/comments").session(australia).with(csrf()).param("text", "Our view."))
			.andExpect(redirectedUrlPattern(document + "?on=*#comment-*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long comment = Long.parseLong(mine.substring(mine.indexOf("#comment-") + "#comment-".length()));
		String reply = this.mvc.perform(post(document + "/comments").session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("text", "We agree.")
			.param("parentId", Long.toString(comment)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long replyId = Long.parseLong(reply.substring(reply.indexOf("#comment-") + "#comment-".length()));
		this.mvc.perform(post(document + "/edit").session(chair)
			.with(csrf())
			.param("title", title)
			.param("text", "The Plenary decides, as amended.\n")
			.param("baseVersion", "1"))
			.andExpect(redirectedUrl(document));
		this.mvc.perform(post(document + "/consensus/rounds").session(chair)
			.with(csrf())
			.param("kind", "WRITTEN")
			.param("deadline", "2030-01-15T12:00")
			.param("zone", "UTC"));
		long round = this.jdbc.queryForObject(
				"SELECT id FROM consensus_round WHERE document_id = ? ORDER BY id DESC LIMIT 1", Long.class,
				id(document));

		String home = page("/home", australia);
		String awaiting = section(home, "home-awaits");
		assertThat(awaiting).contains("Rounds awaiting your delegation’s position", title,
				"href=\"" + document + "/consensus\"", "15 January 2030, 12:00 UTC", "left");
		String news = section(home, "home-news");
		assertThat(news).contains("Documents changed since you last read them", "now version 2; you read version 1",
				"href=\"" + document + "\"", "Replies to your comments",
				"href=\"" + document + "/comments/" + replyId + "\"");
		assertThat(page("/home?lang=fr", australia)).contains("Ce qui vous attend", "15 janvier 2030, 12:00 UTC");

		this.mvc.perform(post(document + "/consensus/rounds/{r}/positions", round).session(australia)
			.with(csrf())
			.param("participant", this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'au'", Long.class)
				.toString())
			.param("position", "JOIN"));
		this.mvc.perform(get(document).session(australia));
		home = page("/home", australia);
		assertThat(section(home, "home-awaits")).doesNotContain(title);
		assertThat(section(home, "home-news")).doesNotContain("href=\"" + document + "\"");
		String consensus = page("/consensus", australia);
		assertThat(row(consensus, title)).contains("Joins");
	}

	@Test
	void theChairsOfficeSeesTheMeetingRoundItClosesAndAnObserverIsNotAskedForAPosition() throws Exception {
		String plenary = this.jdbc.queryForObject("""
				SELECT d.title FROM consensus_round r JOIN document d ON d.id = r.document_id
				WHERE r.status = 'OPEN' AND r.kind = 'MEETING' ORDER BY r.id LIMIT 1""", String.class);
		String chair = section(page("/home", SignIn.as(this.mvc, "chair")), "home-awaits");
		assertThat(chair).contains("Meeting rounds you close", plenary);

		MockHttpSession observer = SignIn.as(this.mvc, "csc");
		assertThat(section(page("/home", observer), "home-awaits")).doesNotContain("awaiting your delegation")
			.doesNotContain("Meeting rounds you close");
		assertThat(page("/consensus", observer)).doesNotContain("Your delegation").doesNotContain("Awaiting your position");
		assertThat(section(page("/home", SignIn.as(this.mvc, "guest-gga")), "home-awaits"))
			.contains("Nothing awaits your action now.");
	}

	@Test
	void eachPersonSeesTheReviewVisitStepsReportsStatisticsAndMeetingsThatAreTheirs() throws Exception {
		// A delegation's own report for the latest reporting year while it is not submitted, with
		// its due date (Panama's: no other test submits it; the annual-report tests may open a
		// later year before this runs), and a delegation's next meeting.
		var latest = this.jdbc.queryForMap("SELECT year, due_date FROM annual_report_year ORDER BY year DESC LIMIT 1");
		int year = ((Number) latest.get("year")).intValue();
		String due = org.kimberleyprocess.portal.shared.Dates.day(((java.sql.Date) latest.get("due_date")).toLocalDate(),
				java.util.Locale.ENGLISH);
		Long report = this.jdbc.query("""
				SELECT r.id FROM annual_report r JOIN organisation o ON o.id = r.organisation_id
				WHERE o.code = 'pa' AND r.year = ?""", (rows) -> rows.next() ? rows.getLong(1) : null, year);
		String panama = section(page("/home", SignIn.as(this.mvc, "hod-pa")), "home-awaits");
		assertThat(panama).contains("Your delegation’s annual report for " + year, "due " + due,
				(report == null) ? "href=\"/annual-reports\"" : "href=\"/annual-reports/" + report + "\"");
		long plenary = this.jdbc.queryForObject(
				"SELECT id FROM meeting WHERE kind = 'PLENARY' AND start_date = '2016-11-13'", Long.class);
		String botswana = page("/home", SignIn.as(this.mvc, "hod-bw"));
		assertThat(section(botswana, "home-meetings")).contains("href=\"/meetings/" + plenary + "\"",
				"13–17 November 2016", "Dubai");

		// Statistics returns the delegation owes, overdue or due, each linking to its form.
		String car = section(page("/home", SignIn.as(this.mvc, "hod-cf")), "home-awaits");
		assertThat(car).contains("Statistics returns owed", "href=\"/statistics/returns/cf/2016/production/1\"",
				"overdue since 31 August 2016", "href=\"/statistics/returns/cf/2016/trade/3\"", "due 30 November 2016");
		assertThat(section(botswana, "home-awaits")).doesNotContain("Statistics returns owed");

		// The next step of a review visit, for the one whose step it is: the monitoring chair decides on an offer.
		String offered = this.mvc.perform(post("/review-visits").session(SignIn.as(this.mvc, "hod-mx"))
			.with(csrf())
			.param("preferredYear", "2020")
			.param("preferredPeriod", "Spring")
			.param("scope", "The internal controls.")
			.param("contactPerson", "Ana López"))
			.andExpect(redirectedUrlPattern("/review-visits/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String monitoring = section(page("/home", SignIn.as(this.mvc, "wgm")), "home-awaits");
		assertThat(monitoring).contains("Review visits: your next step");
		assertThat(monitoring.substring(monitoring.indexOf("href=\"" + offered + "\"")))
			.as("the offer's step").contains("Visit to Mexico (2020)", "accept or decline the offer");
		assertThat(section(page("/home", SignIn.as(this.mvc, "hod-mx")), "home-awaits"))
			.as("the host waits; nothing is its to do").doesNotContain("href=\"" + offered + "\"");

		// The Chair's office sees how many Participants are late with last year's report.
		int overdue = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM organisation o WHERE o.kind = 'PARTICIPANT' AND o.participant_status = 'ACTIVE'
				AND NOT EXISTS (SELECT 1 FROM annual_report r WHERE r.organisation_id = o.id AND r.year = 2015
				  AND r.first_submitted_at IS NOT NULL)""", Integer.class);
		assertThat(section(page("/home", SignIn.as(this.mvc, "chair")), "home-awaits"))
			.contains("href=\"/annual-reports/compliance?year=2015\"",
					overdue + " Participants are overdue with the annual report for 2015");
	}

	/** A notification whose page the reader may no longer open is left out, on the home page as in the inbox. */
	@Test
	void anUnreadNotificationAboutATextTheReaderMayNotOpenIsNotListed() throws Exception {
		long hidden = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				"Chair's notes on the proposal for a permanent secretariat");
		long botswana = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'hod-bw'", Long.class);
		String marker = "Home probe " + UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO notification (account_id, type, arguments, link, delivery, created_at)
				VALUES (?, 'DOCUMENT_CIRCULATED', ?, ?, 'OFF', '2030-01-01 00:00:00')""", botswana, marker,
				"/documents/" + hidden);
		try {
			MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
			assertThat(page("/notifications", session)).doesNotContain(marker);
			assertThat(section(page("/home", session), "home-news")).doesNotContain(marker)
				.doesNotContain("/documents/" + hidden + "\"");
		}
		finally {
			this.jdbc.update("DELETE FROM notification WHERE arguments = ?", marker);
		}
	}

	private String page(String path, MockHttpSession session) throws Exception {
		MvcResult result = this.mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The section of the page labelled by the heading with this id. */
	private static String section(String html, String heading) {
		int start = html.indexOf("aria-labelledby=\"" + heading + "\"");
		assertThat(start).as("section %s", heading).isPositive();
		return html.substring(start, html.indexOf("</section>", start));
	}

	private static String row(String html, String text) {
		int at = html.indexOf(text);
		assertThat(at).as("row of %s", text).isPositive();
		return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
	}

	private String create(MockHttpSession chair, String title) throws Exception {
		return this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", title)
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "The Plenary decides.\n"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static long id(String document) {
		return Long.parseLong(document.substring(document.lastIndexOf('/') + 1));
	}

}
