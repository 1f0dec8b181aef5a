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
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class CandidaciesTest {

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
	void candidaciesAreSubmittedByHeadsOfActiveParticipantsAndAssessedByTheCommittee() throws Exception {
		this.mvc.perform(get("/chairs/candidacies").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Candidacies for Vice-Chair in 2017"),
					containsString("European Union"), containsString("Eligible"), containsString("Angola"))));
		this.mvc.perform(get("/chairs/candidacies").session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(status().isNotFound());
		long europeanUnion = this.jdbc.queryForObject(
				"SELECT c.id FROM vice_chair_candidacy c JOIN organisation o ON o.id = c.organisation_id WHERE c.year = 2017 AND o.code = 'eu'",
				Long.class);
		this.mvc.perform(post("/chairs/candidacies/{id}/assessment", europeanUnion).session(SignIn.as(this.mvc, "hod-ao"))
			.with(csrf())
			.param("eligible", "maybe")
			.param("assessment", "Too late."))
			.andExpect(redirectedUrl("/chairs/candidacies"))
			.andExpect(flash().attribute("flash", org.hamcrest.Matchers.hasToString(containsString("candidacy.assessment.late"))));
		this.mvc.perform(submit("hod-cf", "The Central African Republic offers to serve."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only an active Participant may be a candidate.")));
		this.mvc.perform(submit("hod-au", "Australia offers to serve."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the Chair cannot also be Vice-Chair")));
		this.mvc.perform(submit("delegate-bw", "Botswana offers to serve.")).andExpect(status().isForbidden());
		this.mvc.perform(submit("hod-bw", "")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Write the statement of candidacy.")));
		this.mvc.perform(submit("hod-bw", "Botswana offers to serve as Vice-Chair in 2017."))
			.andExpect(redirectedUrl("/chairs/candidacies"));
		this.mvc.perform(submit("hod-bw", "Botswana offers again."))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("already a candidate for 2017"),
					containsString("Botswana offers again."))));
		long botswana = this.jdbc.queryForObject(
				"SELECT c.id FROM vice_chair_candidacy c JOIN organisation o ON o.id = c.organisation_id WHERE c.year = 2017 AND o.code = 'bw'",
				Long.class);

		// The committee is chaired by the 2015 Chair, Angola: only its delegation assesses.
		this.mvc.perform(post("/chairs/candidacies/{id}/assessment", botswana).session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("eligible", "true")
			.param("assessment", "Self-assessed")).andExpect(status().isForbidden());
		MockHttpSession angola = SignIn.as(this.mvc, "hod-ao");
		this.mvc.perform(post("/chairs/candidacies/{id}/assessment", botswana).session(angola)
			.with(csrf())
			.param("eligible", "true")
			.param("assessment", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the committee’s reasons.")));
		this.mvc.perform(post("/chairs/candidacies/{id}/assessment", botswana).session(angola)
			.with(csrf())
			.param("eligible", "true")
			.param("assessment", "Botswana is an active Participant that chaired in 2006."))
			.andExpect(redirectedUrl("/chairs/candidacies"));

		// One selection decision per year: the European Union's is already before the Plenary.
		this.mvc.perform(post("/chairs/candidacies/{id}/selection", botswana).session(SignIn.as(this.mvc, "chair"))
			.with(csrf()))
			.andExpect(redirectedUrl("/chairs/candidacies"))
			.andExpect(flash().attribute("flash", org.hamcrest.Matchers.hasToString(containsString("candidacy.select.already"))));
		this.mvc.perform(post("/chairs/candidacies/{id}/selection", botswana).session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void anEligibleCandidacyIsSelectedThroughConsensusAndFillsTheSchedule() throws Exception {
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(Instant.parse("2017-03-01T09:00:00Z"));
			this.jdbc.update("INSERT IGNORE INTO chair_term (year, chair_organisation_id) SELECT 2018, id FROM organisation WHERE code = 'eu'");
			assertThat(this.jdbc.queryForObject("SELECT vice_chair_organisation_id FROM chair_term WHERE year = 2018",
					Long.class)).isNull();
			this.mvc.perform(submit("hod-in", "India offers to serve as Vice-Chair in 2018 and Chair in 2019."))
				.andExpect(redirectedUrl("/chairs/candidacies"));
			long india = this.jdbc.queryForObject(
					"SELECT c.id FROM vice_chair_candidacy c JOIN organisation o ON o.id = c.organisation_id WHERE c.year = 2018 AND o.code = 'in'",
					Long.class);
			// In 2017 the committee is chaired by the 2016 Chair, the United Arab Emirates.
			this.mvc.perform(post("/chairs/candidacies/{id}/assessment", india).session(SignIn.as(this.mvc, "hod-ao"))
				.with(csrf())
				.param("eligible", "true")
				.param("assessment", "No longer ours to assess.")).andExpect(status().isForbidden());
			this.mvc.perform(post("/chairs/candidacies/{id}/assessment", india).session(SignIn.as(this.mvc, "hod-ae"))
				.with(csrf())
				.param("eligible", "true")
				.param("assessment", "India is an active Participant in good standing."))
				.andExpect(redirectedUrl("/chairs/candidacies"));
			String location = this.mvc
				.perform(post("/chairs/candidacies/{id}/selection", india).session(SignIn.as(this.mvc, "chair-au"))
					.with(csrf()))
				.andExpect(redirectedUrlPattern("/documents/*"))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			long decision = Long.parseLong(location.substring("/documents/".length()));
			this.mvc.perform(get("/documents/{id}", decision).session(SignIn.as(this.mvc, "hod-bw")))
				.andExpect(content().string(allOf(
						containsString("Administrative Decision on the selection of the Vice-Chair for 2018"),
						containsString("Selects India as Vice-Chair of the Kimberley Process for 2018"))));

			var chairAu = this.readers.of(this.accounts.findForSignIn("chair-au").orElseThrow());
			long round = this.consensus.open(chairAu, decision, RoundKind.MEETING, null, null);
			this.consensus.closeMeeting(chairAu, decision, round);

			// The schedule follows the adoption after it commits.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT o.code FROM chair_term t JOIN organisation o ON o.id = t.vice_chair_organisation_id WHERE t.year = 2018",
					String.class)).isEqualTo("in"));
			assertThat(this.jdbc.queryForObject(
					"SELECT o.code FROM chair_term t JOIN organisation o ON o.id = t.chair_organisation_id WHERE t.year = 2019",
					String.class)).isEqualTo("in");
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	private org.springframework.test.web.servlet.RequestBuilder submit(String username, String statement)
			throws Exception {
		return post("/chairs/candidacies").session(SignIn.as(this.mvc, username))
			.with(csrf())
			.param("statement", statement);
	}

}
