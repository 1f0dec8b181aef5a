package org.kimberleyprocess.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the Chair's office types for everyone has an English and a French form: French pages show
 * the French, or the English marked as English where there is no French; and what the portal
 * writes itself (calendar entries, notifications) is in the reader's language.
 */
@PortalTest
class BilingualDataTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aMeetingsTitleAndPlaceShowInFrenchOrAsMarkedEnglish() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		assertThat(page("/meetings?lang=fr", chair)).contains("Réunion plénière 2016", "Dubaï")
			.doesNotContain(">Plenary meeting 2016<");
		assertThat(page("/meetings?lang=en", chair)).contains("Plenary meeting 2016");

		String title = "Meeting " + UUID.randomUUID();
		String created = this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "INTERSESSIONAL")
			.param("title", title)
			.param("place", "Antwerp")
			.param("placeFr", "Anvers")
			.param("start", "2017-06-05")
			.param("end", "2017-06-08"))
			.andExpect(redirectedUrlPattern("/meetings/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String french = page(created + "?lang=fr", chair);
		assertThat(french).contains("<h1 lang=\"en\">" + title + "</h1>", ">Anvers<", "5–8 juin 2017");
		assertThat(page(created + "?lang=en", chair)).contains("<h1>" + title + "</h1>", ">Antwerp<");
	}

	@Test
	void aStatusNoteShowsInFrenchOrAsMarkedEnglish() throws Exception {
		String participants = page("/participants?lang=fr", null);
		assertThat(participants).contains("Suspendue depuis 2013").doesNotContain("Suspended since 2013");
		assertThat(page("/organisations/wdc?lang=fr", SignIn.as(this.mvc, "hod-bw")))
			.contains("<dd lang=\"en\">Hosts the administrative support mechanism in 2016.</dd>");
	}

	@Test
	void aReasonOnAReviewVisitsTimelineShowsInFrenchWhereItWasGivenInFrench() throws Exception {
		long panama = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'pa' AND v.status = 'POSTPONED'""", Long.class);
		MockHttpSession reader = SignIn.as(this.mvc, "hod-bw");
		assertThat(page("/review-visits/" + panama + "?lang=fr", reader))
			.contains("Les autorités ont demandé de reporter la visite à 2018.")
			.doesNotContain("The authorities asked");
		assertThat(page("/review-visits/" + panama + "?lang=en", reader))
			.contains("The authorities asked to move the visit to 2018.");

		String offered = this.mvc.perform(post("/review-visits").session(SignIn.as(this.mvc, "hod-mx"))
			.with(csrf())
			.param("preferredYear", "2019")
			.param("preferredPeriod", "Autumn")
			.param("scope", "The import and export controls.")
			.param("contactPerson", "Ana López"))
			.andExpect(redirectedUrlPattern("/review-visits/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long offer = Long.parseLong(offered.substring(offered.lastIndexOf('/') + 1));
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		this.mvc.perform(post("/review-visits/{id}/decline", offer).session(chair)
			.with(csrf())
			.param("reason", "No team can be formed this year."));
		assertThat(page("/review-visits/" + offer + "?lang=fr", reader))
			.contains("<span class=\"hint\" lang=\"en\">No team can be formed this year.</span>");
	}

	@Test
	void theCalendarFeedIsWrittenInItsOwnersLanguage() throws Exception {
		MockHttpSession reader = SignIn.as(this.mvc, "hod-in");
		this.jdbc.update("UPDATE account SET preferred_language = 'fr' WHERE username = 'hod-in'");
		try {
			this.mvc.perform(post("/calendar").session(reader).with(csrf()));
			String token = this.jdbc.queryForObject("""
					SELECT t.token FROM calendar_token t JOIN account a ON a.id = t.account_id WHERE a.username = 'hod-in'""",
					String.class);
			String feed = this.mvc.perform(get("/calendar/{token}.ics", token))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(feed).contains("SUMMARY:Réunion plénière 2016", "DESCRIPTION:Dubaï")
				.doesNotContain("SUMMARY:Plenary meeting 2016").doesNotContain("Review visit:");
		}
		finally {
			this.jdbc.update("UPDATE account SET preferred_language = 'en' WHERE username = 'hod-in'");
		}
	}

	@Test
	void aDraftThePortalStartsIsWrittenInTheLanguageOfWhoeverStartsItAndMarkedSoOnPagesInTheOther() throws Exception {
		long turkey = this.jdbc.queryForObject("""
				SELECT v.id FROM review_visit v JOIN organisation o ON o.id = v.host_organisation_id
				WHERE o.code = 'tr' AND v.status = 'COMPLETED'""", Long.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		this.mvc.perform(post("/review-visits/{id}/report", turkey).session(chair).with(csrf()).param("lang", "fr"))
			.andExpect(redirectedUrlPattern("/review-visits/*"));
		long report = this.jdbc.queryForObject("SELECT report_document_id FROM review_visit WHERE id = ?", Long.class,
				turkey);
		assertThat(this.jdbc.queryForObject("SELECT language FROM document WHERE id = ?", String.class, report))
			.isEqualTo("FR");

		String english = page("/documents/" + report + "?lang=en", chair);
		assertThat(english).contains("<h1 lang=\"fr\">Rapport de la visite d’examen\u00a0: Turquie</h1>",
				"<article class=\"document-text\" lang=\"fr\">", "<h2 id=\"h-constatations\">Constatations</h2>",
				"<dd>French</dd>")
			.doesNotContain("Report of the review visit");
		assertThat(page("/documents?lang=en", chair)).contains("lang=\"fr\">Rapport de la visite d’examen\u00a0: Turquie</a>");
		assertThat(page("/documents/" + report + "?lang=fr", chair))
			.contains("<h1 lang=\"fr\">Rapport de la visite d’examen\u00a0: Turquie</h1>", "<dd>français</dd>");
	}

	@Test
	void aNewTextIsOfferedInThePagesLanguage() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		assertThat(page("/documents/new?lang=fr", chair)).contains("<option value=\"FR\" selected=\"selected\">français</option>");
		assertThat(page("/documents/new?lang=en", chair)).contains("<option value=\"EN\" selected=\"selected\">English</option>");
	}

	private String page(String path, MockHttpSession session) throws Exception {
		var request = get(path);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
