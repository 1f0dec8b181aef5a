package org.kimberleyprocess.portal.meetings;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class RegistrationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void delegationsRegisterTheirMembersAndTheChairItsGuests() throws Exception {
		long plenary = meeting("Plenary meeting 2016");
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		long alternate = account("alt-bw");
		long delegate = account("delegate-bw");
		long india = account("hod-in");
		long guest = account("guest-gga");
		this.mvc.perform(get("/meetings/{id}", plenary).session(botswana))
			.andExpect(content().string(allOf(containsString("value=\"" + delegate + "\""),
					not(containsString("value=\"" + india + "\"")), not(containsString("value=\"" + guest + "\"")))));
		this.mvc.perform(register(botswana, plenary)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose at least one person to register.")));
		this.mvc.perform(register(botswana, plenary, alternate, delegate)).andExpect(redirectedUrl("/meetings/" + plenary));
		this.mvc.perform(register(botswana, plenary, india)).andExpect(status().isForbidden());
		this.mvc.perform(register(SignIn.as(this.mvc, "delegate-bw"), plenary, delegate)).andExpect(status().isForbidden());
		this.mvc.perform(register(SignIn.as(this.mvc, "chair"), plenary, guest)).andExpect(redirectedUrl("/meetings/" + plenary));
		this.mvc.perform(get("/meetings/{id}", plenary).session(SignIn.as(this.mvc, "hod-in")))
			.andExpect(content().string(allOf(containsString("Neo Sebego"), containsString("Good Governance Africa"),
					containsString("guest of the Chair"))));

		long registration = this.jdbc.queryForObject(
				"SELECT id FROM meeting_registration WHERE meeting_id = ? AND account_id = ?", Long.class, plenary, delegate);
		this.mvc.perform(post("/meetings/{id}/registrations/{r}/withdraw", plenary, registration)
			.session(SignIn.as(this.mvc, "hod-in"))
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings/{id}/registrations/{r}/withdraw", plenary, registration).session(botswana)
			.with(csrf())).andExpect(redirectedUrl("/meetings/" + plenary));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_registration WHERE meeting_id = ? AND account_id = ?",
				Integer.class, plenary, delegate)).isZero();

		long past = meeting("Intersessional meeting 2016");
		this.mvc.perform(register(botswana, past, alternate))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Registration is closed: the meeting has ended.")));
	}

	@Test
	void aWorkingGroupsChairPreparesItsMeetingsWhichItsPageLists() throws Exception {
		long wgm = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgm'", Long.class);
		MockHttpSession chair = SignIn.as(this.mvc, "wgm");
		this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "WORKING_GROUP")
			.param("title", "Monitoring meeting, February 2017")
			.param("place", "Brussels")
			.param("start", "2017-02-07")
			.param("end", "2017-02-08"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the working group whose meeting this is.")));
		long wgs = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgs'", Long.class);
		this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "WORKING_GROUP")
			.param("group", String.valueOf(wgs))
			.param("title", "Not my group")
			.param("place", "Ottawa")
			.param("start", "2017-02-07")
			.param("end", "2017-02-08")).andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings").session(chair)
			.with(csrf())
			.param("kind", "WORKING_GROUP")
			.param("group", String.valueOf(wgm))
			.param("title", "Monitoring meeting, February 2017")
			.param("place", "Brussels")
			.param("start", "2017-02-07")
			.param("end", "2017-02-08")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/working-groups/wgm").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(allOf(containsString("Upcoming meetings"),
					containsString("Monitoring meeting, February 2017"))));
	}

	private org.springframework.test.web.servlet.RequestBuilder register(MockHttpSession session, long meeting,
			long... people) {
		var builder = post("/meetings/{id}/registrations", meeting).session(session).with(csrf());
		for (long person : people) {
			builder = builder.param("people", String.valueOf(person));
		}
		return builder;
	}

	private long meeting(String title) {
		return this.jdbc.queryForObject("SELECT id FROM meeting WHERE title = ?", Long.class, title);
	}

	private long account(String username) {
		return this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
	}

}
