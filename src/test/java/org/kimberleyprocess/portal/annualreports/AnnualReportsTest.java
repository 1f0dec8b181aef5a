package org.kimberleyprocess.portal.annualreports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
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
class AnnualReportsTest {

	private static final String SECRET = "Kimberley-only enforcement detail 7731";

	private static final String OPEN = "Public export control summary 4410";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	AnnualReportReminders reminders;

	@Test
	void theDelegationDraftsAndOnlyItsHeadOrAlternateSubmits() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-au");
		long id = start(head, 2016);
		long document = documentOf(id);
		assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, document))
			.isEqualTo("DRAFT");
		this.mvc.perform(get("/documents/{d}", document).session(head))
			.andExpect(content().string(containsString("Institutional and legislative framework")));
		this.mvc.perform(post("/annual-reports/{id}/submit", id).session(SignIn.as(this.mvc, "hod-cf")).with(csrf()))
			.andExpect(status().isNotFound());
		long botswana = this.jdbc.queryForObject(
				"SELECT r.id FROM annual_report r JOIN organisation o ON o.id = r.organisation_id WHERE o.code = 'bw' AND r.year = 2016",
				Long.class);
		this.mvc.perform(post("/annual-reports/{id}/submit", botswana).session(SignIn.as(this.mvc, "delegate-bw")).with(csrf()))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/annual-reports/{id}/submit", id).session(head).with(csrf()))
			.andExpect(redirectedUrl("/annual-reports/" + id));
		assertThat(this.jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, document))
			.isEqualTo("CIRCULATED");
		// The same version again is refused; a revised one is a resubmission.
		this.mvc.perform(post("/annual-reports/{id}/submit", id).session(head).with(csrf()))
			.andExpect(redirectedUrl("/annual-reports/" + id));
		assertThat(submissions(id)).isEqualTo(1);
		revise(head, document, 1, "## Other\n\nMore.\n");
		this.mvc.perform(post("/annual-reports/{id}/submit", id).session(head).with(csrf()));
		assertThat(this.jdbc.queryForList(
				"SELECT resubmission FROM annual_report_submission WHERE report_id = ? ORDER BY id", Boolean.class, id))
			.containsExactly(false, true);
		this.mvc.perform(get("/annual-reports/{id}", id).session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Resubmission")));
	}

	@Test
	void onTimeLateAndOverdueFollowTheDueDate() {
		java.time.LocalDate due = java.time.LocalDate.of(2016, 3, 31);
		assertThat(Standing.of(due, Instant.parse("2016-03-31T23:59:00Z"), due.plusDays(60))).isEqualTo(Standing.ON_TIME);
		assertThat(Standing.of(due, Instant.parse("2016-04-01T00:01:00Z"), due.plusDays(60))).isEqualTo(Standing.LATE);
		assertThat(Standing.of(due, null, due)).isEqualTo(Standing.NOT_YET_DUE);
		assertThat(Standing.of(due, null, due.plusDays(1))).isEqualTo(Standing.OVERDUE);
		assertThat(AnnualReportReminders.kind(due, due.minusDays(31))).isNull();
		assertThat(AnnualReportReminders.kind(due, due.minusDays(30))).isEqualTo("DAYS_30");
		assertThat(AnnualReportReminders.kind(due, due.minusDays(7))).isEqualTo("DAYS_7");
		assertThat(AnnualReportReminders.kind(due, due.plusDays(1))).isEqualTo("OVERDUE");
	}

	@Test
	void theComplianceBoardShowsTheDemoYearToTheWgmAndTheChairsOfficeOnly() throws Exception {
		String board = this.mvc.perform(get("/annual-reports/compliance").param("year", "2015")
			.session(SignIn.as(this.mvc, "wgm")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(board).as("every active Participant sent its 2015 statistics in the demo")
			.contains("On time", "Late", "Overdue", "Complete", "Accepted");
		this.mvc.perform(get("/annual-reports/compliance").param("year", "2016").session(SignIn.as(this.mvc, "wgm")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Missing")));
		this.mvc.perform(get("/annual-reports/compliance").session(SignIn.as(this.mvc, "chair")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/annual-reports/compliance").session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/annual-reports/compliance.csv").session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(status().isForbidden());
		String csv = this.mvc.perform(get("/annual-reports/compliance.csv").param("year", "2015")
			.cookie(new jakarta.servlet.http.Cookie("kp-lang", "fr"))
			.session(SignIn.as(this.mvc, "wgm")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Participant,Situation,Remis le");
		assertThat(csv).contains("Dans les délais", "En retard", "Complètes");
		this.mvc.perform(get("/annual-reports/compliance").param("year", "1850").session(SignIn.as(this.mvc, "wgm")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/annual-reports/compliance").param("year", "abc").session(SignIn.as(this.mvc, "wgm")))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void kpOnlySectionsReachNoObserverAndNoPublicChannel() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-il");
		long id = start(head, 2016);
		long document = documentOf(id);
		revise(head, document, 1, "## Export and import controls\n\n" + OPEN + "\n\n## Enforcement\n\n" + SECRET + "\n");
		this.mvc.perform(post("/annual-reports/{id}/submit", id).session(head).with(csrf()));
		this.mvc.perform(post("/annual-reports/{id}/markings", id).session(head).with(csrf()).param("publicSections", "0"))
			.andExpect(redirectedUrl("/annual-reports/" + id + "/markings"));

		MockHttpSession observer = SignIn.as(this.mvc, "wdc");
		this.mvc.perform(get("/documents/{d}", document).session(observer)).andExpect(status().isNotFound());
		this.mvc.perform(get("/annual-reports/{id}", id).session(observer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(OPEN), not(containsString(SECRET)),
					containsString("withheld"))));
		this.mvc.perform(get("/search").param("q", "7731").session(observer))
			.andExpect(content().string(not(containsString(SECRET))));
		this.mvc.perform(get("/annual-reports/{id}", id).session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/annual-reports/register").param("year", "2016"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Israel"), not(containsString(SECRET)),
					not(containsString(OPEN)))));
		String csv = this.mvc.perform(get("/annual-reports/compliance.csv").param("year", "2016")
			.session(SignIn.as(this.mvc, "wgm"))).andReturn().getResponse().getContentAsString();
		assertThat(csv).doesNotContain(SECRET).doesNotContain(OPEN);

		// Not publishable while a section is KP only; publishing once all are public; KP only again unpublishes.
		this.mvc.perform(post("/annual-reports/{id}/publish", id).session(head).with(csrf()).param("confirm", "true"));
		assertThat(confidentiality(document)).isEqualTo("PARTICIPANTS");
		this.mvc.perform(post("/annual-reports/{id}/markings", id).session(head).with(csrf())
			.param("publicSections", "0", "1"));
		this.mvc.perform(post("/annual-reports/{id}/publish", id).session(SignIn.as(this.mvc, "hod-cf")).with(csrf())
			.param("confirm", "true")).andExpect(status().isForbidden());
		this.mvc.perform(post("/annual-reports/{id}/publish", id).session(head).with(csrf()));
		assertThat(confidentiality(document)).as("confirmation needed").isEqualTo("PARTICIPANTS");
		this.mvc.perform(post("/annual-reports/{id}/publish", id).session(head).with(csrf()).param("confirm", "true"));
		assertThat(confidentiality(document)).isEqualTo("PUBLIC");
		// While published, no new version can carry KP-only text into public view.
		this.mvc.perform(post("/documents/{d}/edit", document).session(head)
			.with(csrf())
			.param("title", "Annual report")
			.param("text", "## Enforcement\n\n" + SECRET + "\n")
			.param("baseVersion", "2")
			.param("changeNote", "Revised")).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT current_version FROM document WHERE id = ?", Integer.class,
				document)).isEqualTo(2);
		this.mvc.perform(get("/annual-reports/register").param("year", "2016"))
			.andExpect(content().string(containsString("/documents/" + document)));
		this.mvc.perform(post("/annual-reports/{id}/markings", id).session(head).with(csrf()).param("publicSections", "0"));
		assertThat(confidentiality(document)).isEqualTo("PARTICIPANTS");
		this.mvc.perform(get("/documents/{d}", document).session(observer)).andExpect(status().isNotFound());
	}

	@Test
	void aReportPageCostsTheSameStatementsHoweverManyReviewersAndWritesNothing() throws Exception {
		long botswana = this.jdbc.queryForObject(
				"SELECT r.id FROM annual_report r JOIN organisation o ON o.id = r.organisation_id WHERE o.code = 'bw' AND r.year = 2015",
				Long.class);
		List<String> before = this.jdbc.queryForList(
				"SELECT CAST(organisation_id AS CHAR) FROM annual_report_reviewer WHERE report_id = ?", String.class,
				botswana);
		List<String> many = this.jdbc.queryForList(
				"SELECT CAST(id AS CHAR) FROM organisation WHERE code IN ('za', 'ca', 'ru', 'in', 'cn', 'au')", String.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		try {
			long few = statementsFor(chair, botswana);
			this.mvc.perform(post("/annual-reports/{id}/reviewers", botswana).session(chair)
				.with(csrf())
				.param("organisations", many.toArray(String[]::new))).andExpect(status().is3xxRedirection());
			assertThat(statementsFor(chair, botswana)).isEqualTo(few);
			assertThat(SqlStatementCounter.writes()).isZero();
		}
		finally {
			this.mvc.perform(post("/annual-reports/{id}/reviewers", botswana).session(chair)
				.with(csrf())
				.param("organisations", before.toArray(String[]::new))).andExpect(status().is3xxRedirection());
		}
	}

	private long statementsFor(MockHttpSession session, long report) throws Exception {
		this.mvc.perform(get("/annual-reports/{id}", report).session(session)).andExpect(status().isOk());
		SqlStatementCounter.reset();
		this.mvc.perform(get("/annual-reports/{id}", report).session(session)).andExpect(status().isOk());
		return SqlStatementCounter.count();
	}

	@Test
	void theWgmAllocatesReviewersWhoAssessAndTheChairRecordsTheOutcome() throws Exception {
		long canada = this.jdbc.queryForObject(
				"SELECT r.id FROM annual_report r JOIN organisation o ON o.id = r.organisation_id WHERE o.code = 'ca' AND r.year = 2015",
				Long.class);
		long russia = this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'ru'", Long.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		this.mvc.perform(post("/annual-reports/{id}/reviewers", canada).session(SignIn.as(this.mvc, "hod-ru"))
			.with(csrf())
			.param("organisations", String.valueOf(russia))).andExpect(status().isForbidden());
		this.mvc.perform(get("/annual-reports/{id}/reviewers", canada).session(chair)).andExpect(status().isOk());
		this.mvc.perform(post("/annual-reports/{id}/reviewers", canada).session(chair)
			.with(csrf())
			.param("organisations", String.valueOf(russia))).andExpect(redirectedUrl("/annual-reports/" + canada));
		this.mvc.perform(post("/annual-reports/{id}/assessment", canada).session(SignIn.as(this.mvc, "hod-cf")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/annual-reports/{id}/assessment", canada).session(SignIn.as(this.mvc, "hod-ru")).with(csrf()))
			.andExpect(redirectedUrlPattern("/documents/*"));
		Long assessment = this.jdbc.queryForObject("SELECT assessment_document_id FROM annual_report WHERE id = ?",
				Long.class, canada);
		assertThat(this.jdbc.queryForObject("SELECT confidentiality FROM document WHERE id = ?", String.class, assessment))
			.isEqualTo("WORKING_GROUP");
		this.mvc.perform(post("/annual-reports/{id}/outcome", canada).session(chair).with(csrf()).param("outcome", "NONSENSE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("error-summary")));
		this.mvc.perform(post("/annual-reports/{id}/outcome", canada).session(chair)
			.with(csrf())
			.param("outcome", "QUESTIONS_RAISED")
			.param("note", "Clarify the export figures")).andExpect(redirectedUrl("/annual-reports/" + canada));
		assertThat(this.jdbc.queryForObject("SELECT outcome FROM annual_report WHERE id = ?", String.class, canada))
			.isEqualTo("QUESTIONS_RAISED");
		this.mvc.perform(post("/annual-reports/{id}/outcome", canada).session(SignIn.as(this.mvc, "hod-ru"))
			.with(csrf())
			.param("outcome", "ACCEPTED")).andExpect(status().isForbidden());
	}

	@Test
	void theTemplateRefusesBadInputWithMessagesAndKeepsIt() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		this.mvc.perform(get("/annual-reports/years/1990/template").session(chair)).andExpect(status().isNotFound());
		this.mvc.perform(get("/annual-reports/years/2017/template").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/annual-reports/years/2017/template").session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2018-03-31"), containsString("Industry self-regulation"))));
		this.mvc.perform(post("/annual-reports/years/2017/template").session(chair)
			.with(csrf())
			.param("dueDate", "31/03/2018")
			.param("sections[0].titleEn", "Kept title")
			.param("sections[0].titleFr", "Titre gardé"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Enter the due date as a date"),
					containsString("value=\"31/03/2018\""), containsString("Kept title"))));
		this.mvc.perform(post("/annual-reports/years/2017/template").session(chair)
			.with(csrf())
			.param("dueDate", "2018-03-31")
			.param("sections[0].titleEn", "Only English"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("both English and French")));
		this.mvc.perform(post("/annual-reports/years/2017/template").session(chair)
			.with(csrf())
			.param("dueDate", "2018-03-31")
			.param("sections[0].titleEn", " ")
			.param("sections[0].titleFr", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least one section")));
		this.mvc.perform(post("/annual-reports/years/2017/template").session(chair)
			.with(csrf())
			.param("dueDate", "2018-04-30")
			.param("sections[0].titleEn", "Framework")
			.param("sections[0].titleFr", "Cadre")).andExpect(redirectedUrl("/annual-reports"));
		assertThat(this.jdbc.queryForObject("SELECT due_date FROM annual_report_year WHERE year = 2017", String.class))
			.isEqualTo("2018-04-30");
		this.mvc.perform(post("/annual-reports/years/2017/template").session(chair)
			.with(csrf())
			.param("dueDate", "2018-04-30")
			.param("sections[99999999].titleEn", "x")).andExpect(status().is4xxClientError());
	}

	@Test
	void theDelegationIsRemindedOnceThirtyDaysBeforeTheDueDate() throws Exception {
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(Instant.parse("2017-03-01T08:00:00Z"));
			this.reminders.remind();
			this.reminders.remind();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> reminded("hod-bw") >= 1);
			this.reminders.remind();
			assertThat(reminded("hod-bw")).isEqualTo(1);
			this.mvc.perform(get("/notifications").session(SignIn.as(this.mvc, "hod-bw")))
				.andExpect(content().string(containsString("30 days remain")));
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	private int reminded(String username) {
		return this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id
				WHERE a.username = ? AND n.type = 'ANNUAL_REPORT_DUE'""", Integer.class, username);
	}

	private long start(MockHttpSession session, int year) throws Exception {
		String location = this.mvc.perform(post("/annual-reports/years/{y}/start", year).session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/annual-reports/*"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long documentOf(long id) {
		return this.jdbc.queryForObject("SELECT document_id FROM annual_report WHERE id = ?", Long.class, id);
	}

	private int submissions(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM annual_report_submission WHERE report_id = ?",
				Integer.class, id);
	}

	private String confidentiality(long document) {
		return this.jdbc.queryForObject("SELECT confidentiality FROM document WHERE id = ?", String.class, document);
	}

	private void revise(MockHttpSession session, long document, int base, String text) throws Exception {
		String title = this.jdbc.queryForObject("SELECT title FROM document WHERE id = ?", String.class, document);
		this.mvc.perform(post("/documents/{d}/edit", document).session(session)
			.with(csrf())
			.param("title", title)
			.param("text", text)
			.param("baseVersion", String.valueOf(base))
			.param("changeNote", "Drafted")).andExpect(status().is3xxRedirection());
	}

}
