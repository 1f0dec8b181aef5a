package org.kimberleyprocess.portal.meetings;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

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
class MeetingsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAgendaLinksEachTextAndItsRoundsForReadersWhoMaySeeThem() throws Exception {
		long plenary = this.jdbc.queryForObject("SELECT id FROM meeting WHERE title = 'Plenary meeting 2016'", Long.class);
		long car = this.jdbc.queryForObject(
				"SELECT id FROM document WHERE title LIKE 'Monitoring of exports from the compliant zones%'", Long.class);
		this.mvc.perform(get("/meetings").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(allOf(containsString("Plenary meeting 2016"), containsString("Dubai"))));
		this.mvc.perform(get("/meetings/{id}", plenary).session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Final Communiqué"),
					containsString("consensus round open now"), containsString("href=\"/documents/" + car + "\""))));
		this.mvc.perform(get("/meetings/{id}", plenary).session(SignIn.as(this.mvc, "wdc")))
			.andExpect(content().string(allOf(containsString("Central African Republic: compliant zones"),
					not(containsString("href=\"/documents/" + car + "\"")))));
		this.mvc.perform(get("/meetings/999999").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theChairsOfficePreparesMeetingsAndRecordsOutcomes() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(post("/meetings").session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("kind", "PLENARY")
			.param("title", "Not mine")
			.param("place", "Gaborone")
			.param("start", "2017-11-01")
			.param("end", "2017-11-03")).andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "PLENARY")
			.param("title", "Plenary meeting 2017")
			.param("place", "Perth")
			.param("start", "2017-12-15")
			.param("end", "2017-12-11"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The last day cannot be before the first."),
					containsString("value=\"Plenary meeting 2017\""))));
		this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "WORKING_GROUP")
			.param("title", "Tampered meeting")
			.param("host", "999999")
			.param("group", "999999")
			.param("place", "Perth")
			.param("start", "2017-12-11")
			.param("end", "2017-12-15"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Choose a host from the list."),
					containsString("value=\"Tampered meeting\""))));
		String location = this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "PLENARY")
			.param("title", "Plenary meeting 2017")
			.param("place", "Perth")
			.param("start", "2017-12-11")
			.param("end", "2017-12-15"))
			.andExpect(redirectedUrlPattern("/meetings/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/items").session(chair)
			.with(csrf())
			.param("title", "A text nobody has")
			.param("document", "999999"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no such document")));
		this.mvc.perform(post(location + "/items").session(chair).with(csrf()).param("title", "Opening"))
			.andExpect(redirectedUrl(location));
		long item = this.jdbc.queryForObject("SELECT MAX(id) FROM agenda_item", Long.class);
		this.mvc.perform(post(location + "/items/" + item + "/outcome").session(chair)
			.with(csrf())
			.param("outcome", "Agenda adopted.")).andExpect(redirectedUrl(location));
		this.mvc.perform(get(location).session(chair)).andExpect(content().string(containsString("Agenda adopted.")));
	}

}
