package org.kimberleyprocess.portal.chairs;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.directory.Readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where the rotation has no row for the year, no Participant's Chair's office holds its rights,
 * on pages and in background work alike, and the administrators are told once.
 */
@PortalTest
class RotationGapTest {

	private static final String CHAIRS_OFFICE_PAPER = "Chair's notes on the proposal for a permanent secretariat";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Readers readers;

	@Autowired
	OfficeSwitchWatch watch;

	private long organisation(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	@Test
	void aYearWithoutAChairFailsClosedAndTellsTheAdministrators() throws Exception {
		long chairAccount = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'chair'", Long.class);
		long paper = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				CHAIRS_OFFICE_PAPER);
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(get("/admin/users").session(chair)).andExpect(status().isOk());
		this.mvc.perform(get("/documents/{id}", paper).session(chair)).andExpect(status().isOk());
		assertThat(this.readers.ofAccount(chairAccount).orElseThrow().chairsOffice()).isTrue();

		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM chair_term WHERE year = 2016");
		this.jdbc.update("DELETE FROM chair_term WHERE year = 2016");
		try {
			this.mvc.perform(get("/admin/users").session(chair)).andExpect(status().isForbidden());
			this.mvc.perform(get("/documents/{id}", paper).session(chair)).andExpect(status().isNotFound());
			assertThat(this.readers.ofAccount(chairAccount).orElseThrow().chairsOffice()).isFalse();
			this.mvc.perform(get("/admin/users").session(SignIn.as(this.mvc, "admin"))).andExpect(status().isOk());

			this.watch.check();
			this.watch.check();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM chair_rotation_gap WHERE year = 2016",
					Integer.class)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM audit_entry WHERE action = 'Chair rotation missing' AND target LIKE '%2016'",
					Integer.class)).isEqualTo(1);
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.jdbc.queryForObject("""
						SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id
						WHERE a.username = 'admin' AND n.type = 'ROTATION_MISSING'""", Integer.class) == 1);
			String inbox = this.mvc.perform(get("/notifications").session(SignIn.as(this.mvc, "admin")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(inbox).contains("The chair rotation has no Chair for 2016");

			// An administrator sets the missing year from the rotation's administration page.
			MockHttpSession admin = SignIn.as(this.mvc, "admin");
			this.mvc.perform(get("/admin/chairs").session(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("value=\"2016\"")));
			this.mvc.perform(post("/admin/chairs").session(admin)
				.with(csrf())
				.param("year", "2016")
				.param("chair", String.valueOf(organisation("ae")))
				.param("viceChair", String.valueOf(organisation("au")))).andExpect(redirectedUrl("/admin/chairs"));
			this.mvc.perform(get("/admin/users").session(chair)).andExpect(status().isOk());
			this.mvc.perform(post("/admin/chairs").session(admin)
				.with(csrf())
				.param("year", "2016")
				.param("chair", String.valueOf(organisation("ae")))
				.param("viceChair", String.valueOf(organisation("au"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Only future years can be set here, or the current year while the rotation has none.")));
		}
		finally {
			this.jdbc.update("DELETE FROM chair_term WHERE year = 2016");
			this.jdbc.update("""
					INSERT INTO chair_term (year, chair_organisation_id, vice_chair_organisation_id,
					  candidate_organisation_id, selection_document_id, departure_document_id, version)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", row.get("year"), row.get("chair_organisation_id"),
					row.get("vice_chair_organisation_id"), row.get("candidate_organisation_id"),
					row.get("selection_document_id"), row.get("departure_document_id"), row.get("version"));
		}
		this.mvc.perform(get("/admin/users").session(chair)).andExpect(status().isOk());
	}

}
