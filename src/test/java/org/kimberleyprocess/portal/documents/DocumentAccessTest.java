package org.kimberleyprocess.portal.documents;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each confidentiality level against each kind of reader, on the demo documents. */
@PortalTest
class DocumentAccessTest {

	private static final String PUBLIC = "Information note on the Kimberley Process Certification Scheme";

	private static final String PLENARY_SHARED = "Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué";

	private static final String PLENARY = "Decision on a consistent methodology for the valuation of rough diamonds";

	private static final String PARTICIPANTS = "Monitoring of exports from the compliant zones of the Central African Republic";

	private static final String WORKING_GROUP = "Working Group on Monitoring: draft schedule of review visits for 2017";

	private static final String CHAIRS_OFFICE = "Chair's notes on the proposal for a permanent secretariat";

	private static final String DRAFT = "Draft decision on the terms of reference of a permanent secretariat";

	/** A word of each title, to find it in the list whatever else the list holds. */
	private static final String[] SEARCH_WORDS = { "Information note", "Communiqué Dubai", "methodology valuation",
			"compliant zones", "schedule review", "permanent secretariat notes", "terms reference" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyReaderSeesExactlyWhatTheirRoleAndGroupsAllow() throws Exception {
		Map<String, String> expected = new LinkedHashMap<>();
		// reader: public, plenary shared with GGA, plenary, participants-only, WGM members, Chair's office, draft
		expected.put("chair", "YYYYYYY");
		expected.put("hod-bw", "YYYYYNN");
		expected.put("wgm", "YYYYYNN");
		expected.put("hod-cf", "YYYYNNN");
		expected.put("wdc", "YYYNYNN");
		expected.put("csc", "YYYNYNN");
		expected.put("guest-gga", "YYNNNNN");
		expected.put("admin", "YYYNNNN");
		String[] titles = { PUBLIC, PLENARY_SHARED, PLENARY, PARTICIPANTS, WORKING_GROUP, CHAIRS_OFFICE, DRAFT };
		for (Map.Entry<String, String> reader : expected.entrySet()) {
			MockHttpSession session = SignIn.as(this.mvc, reader.getKey());
			for (int i = 0; i < titles.length; i++) {
				String listing = this.mvc.perform(get("/documents").param("q", SEARCH_WORDS[i]).session(session))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				long id = idOf(titles[i]);
				boolean allowed = reader.getValue().charAt(i) == 'Y';
				String detail = "/documents/" + id;
				String why = reader.getKey() + " reading " + titles[i];
				for (String page : new String[] { detail, detail + "/versions/1", detail + "/diff?from=1&to=1" }) {
					int code = this.mvc.perform(get(page).session(session)).andReturn().getResponse().getStatus();
					assertThat(code).as(why + " at " + page).isEqualTo(allowed ? 200 : 404);
				}
				assertThat(listing.contains("href=\"" + detail + "\"")).as(why + " in the list").isEqualTo(allowed);
			}
		}
	}

	@Test
	void searchNeverFindsWhatTheReaderMayNotOpen() throws Exception {
		MockHttpSession guest = SignIn.as(this.mvc, "guest-gga");
		this.mvc.perform(get("/documents").param("q", "valuation").session(guest))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Final Communiqué")))
			.andExpect(content().string(not(containsString("Decision on a consistent methodology"))));
		MockHttpSession observer = SignIn.as(this.mvc, "wdc");
		this.mvc.perform(get("/documents").param("q", "Berbérati").session(observer))
			.andExpect(content().string(not(containsString("Monitoring of exports"))));
		this.mvc.perform(get("/documents").param("q", "Berbérati").session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(content().string(containsString("Monitoring of exports")));
	}

	@Test
	void searchOperatorsAndOddInputAreHarmless() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		for (String query : new String[] { "+-><()~*\"@", "\"unclosed", "a", "x".repeat(5000), "'; DROP TABLE document; --" }) {
			this.mvc.perform(get("/documents").param("q", query).session(session)).andExpect(status().isOk());
		}
	}

	@Test
	void unknownDocumentsAndVersionsAreNotFound() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "chair");
		long id = idOf(PLENARY);
		this.mvc.perform(get("/documents/999999").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/abc").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/versions/99", id).session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/diff?from=1&to=99", id).session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/diff?from=x&to=1", id).session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/suggestions/new?block=b-nothing", id).session(session))
			.andExpect(status().isNotFound());
	}

	@Test
	void signedOutReadersOpenPublicDocumentsButNoOthers() throws Exception {
		this.mvc.perform(get("/documents/{id}", idOf(PUBLIC))).andExpect(status().isOk());
		this.mvc.perform(post("/documents/{id}/comments", idOf(PUBLIC)).with(csrf()).param("text", "Anonymous?"))
			.andExpect(status().is3xxRedirection());
	}

	private long idOf(String title) {
		return this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class, title);
	}

}
