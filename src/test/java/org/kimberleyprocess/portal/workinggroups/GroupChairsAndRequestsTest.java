package org.kimberleyprocess.portal.workinggroups;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
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
class GroupChairsAndRequestsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Test
	void aGroupChairActsOnlyWithinTheChairsTerm() throws Exception {
		long wgm = this.jdbc.queryForObject("SELECT id FROM working_group WHERE code = 'wgm'", Long.class);
		Instant now = this.clock.instant();
		try {
			MockHttpSession chair = SignIn.as(this.mvc, "wgm");
			this.mvc.perform(get("/working-groups/wgm").session(chair))
				.andExpect(content().string(allOf(containsString("Chair’s term"), containsString("31 December 2017"),
						not(containsString("Not in term today")))));
			this.clock.travelTo(Instant.parse("2017-12-31T23:59:50Z"));
			// Signed in on the term's last evening: a group chair's session lasts twelve hours at most.
			chair = SignIn.as(this.mvc, "wgm");
			this.mvc.perform(newGroupDocument(chair, wgm)).andExpect(redirectedUrlPattern("/documents/*"));
			this.clock.travelTo(Instant.parse("2018-01-01T00:00:01Z"));
			this.mvc.perform(newGroupDocument(chair, wgm))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("or for a working group you chair")));
			this.mvc.perform(get("/working-groups/wgm").session(chair))
				.andExpect(content().string(containsString("Not in term today")));
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	@Test
	void theChairsOfficeDesignatesGroupChairsWhoDecideMembershipRequests() throws Exception {
		MockHttpSession office = SignIn.as(this.mvc, "chair");
		this.mvc.perform(designate(SignIn.as(this.mvc, "hod-bw"), "hod-ca", "2016-01-01", "2016-12-31"))
			.andExpect(status().isForbidden());
		this.mvc.perform(designate(office, "nobody-here", "2016-01-01", "2016-12-31"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No active person has this username."),
					containsString("value=\"nobody-here\""))));
		this.mvc.perform(designate(office, "wdc", "2016-01-01", "2016-12-31"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chaired by a person of a Participant’s delegation")));
		this.mvc.perform(designate(office, "hod-ca", "2016-12-31", "2016-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The last day cannot be before the first.")));
		this.mvc.perform(designate(office, "hod-ca", "2016-01-01", "2016-12-31"))
			.andExpect(redirectedUrl("/admin/working-groups"));

		// An Observer asks to join (the World Diamond Council is made a newcomer to the committee first);
		// the chair gives it an observer's standing.
		this.jdbc.update("DELETE m FROM working_group_member m JOIN working_group g ON g.id = m.working_group_id"
				+ " JOIN organisation o ON o.id = m.organisation_id WHERE g.code = 'crp' AND o.code = 'wdc'");
		MockHttpSession council = SignIn.as(this.mvc, "wdc");
		this.mvc.perform(post("/working-groups/crp/requests").session(council).with(csrf()).param("note", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say why your organisation asks to join.")));
		this.mvc.perform(post("/working-groups/crp/requests").session(council)
			.with(csrf())
			.param("note", "The Council follows the rules of procedure closely.")).andExpect(redirectedUrl("/working-groups/crp"));
		this.mvc.perform(post("/working-groups/crp/requests").session(council)
			.with(csrf())
			.param("note", "Again.")).andExpect(content().string(containsString("has already asked to join")));
		this.mvc.perform(post("/working-groups/crp/requests").session(SignIn.as(this.mvc, "delegate-bw"))
			.with(csrf())
			.param("note", "A delegate cannot ask.")).andExpect(status().isForbidden());
		long request = this.jdbc.queryForObject(
				"SELECT r.id FROM membership_request r JOIN organisation o ON o.id = r.organisation_id WHERE o.code = 'wdc' AND r.status = 'PENDING'",
				Long.class);
		MockHttpSession canada = SignIn.as(this.mvc, "hod-ca");
		this.mvc.perform(get("/working-groups/crp").session(canada))
			.andExpect(content().string(allOf(containsString("The Council follows the rules of procedure closely."),
					containsString("Accept with this standing"))));
		this.mvc.perform(get("/working-groups/crp").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(not(containsString("The Council follows the rules of procedure closely."))));
		this.mvc.perform(decide(SignIn.as(this.mvc, "hod-bw"), request, "true", "OBSERVER", ""))
			.andExpect(status().isForbidden());
		this.mvc.perform(decide(canada, request, "true", "MEMBER", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An Observer joins with the standing of observer.")));
		this.mvc.perform(decide(canada, request, "true", "OBSERVER", "")).andExpect(redirectedUrl("/working-groups/crp"));
		assertThat(this.jdbc.queryForObject(
				"SELECT m.standing FROM working_group_member m JOIN working_group g ON g.id = m.working_group_id"
						+ " JOIN organisation o ON o.id = m.organisation_id WHERE g.code = 'crp' AND o.code = 'wdc'",
				String.class)).isEqualTo("OBSERVER");
		this.mvc.perform(decide(canada, request, "false", null, "Twice"))
			.andExpect(redirectedUrl("/working-groups/crp"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", org.hamcrest.Matchers.hasToString(containsString("groups.request.decided"))));
		this.mvc.perform(get("/working-groups/crp").session(council))
			.andExpect(content().string(containsString("request was accepted, as Observer")));

		// A Participant's request declined needs a reason the delegation will read.
		MockHttpSession ghana = SignIn.as(this.mvc, "hod-gh");
		this.mvc.perform(post("/working-groups/crp/requests").session(ghana)
			.with(csrf())
			.param("note", "Ghana would like to contribute.")).andExpect(redirectedUrl("/working-groups/crp"));
		long ghanaRequest = this.jdbc.queryForObject(
				"SELECT r.id FROM membership_request r JOIN organisation o ON o.id = r.organisation_id WHERE o.code = 'gh'",
				Long.class);
		this.mvc.perform(decide(canada, ghanaRequest, "false", null, ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the reason for declining")));
		this.mvc.perform(decide(canada, ghanaRequest, "false", null, "The group is complete until the next review."))
			.andExpect(redirectedUrl("/working-groups/crp"));
		this.mvc.perform(get("/working-groups/crp").session(ghana))
			.andExpect(content().string(containsString("declined: The group is complete until the next review.")));
	}

	private org.springframework.test.web.servlet.RequestBuilder newGroupDocument(MockHttpSession session, long group) {
		return post("/documents").session(session)
			.with(csrf())
			.param("type", "WORKING_GROUP_PAPER")
			.param("body", String.valueOf(group))
			.param("year", "2017")
			.param("confidentiality", "WORKING_GROUP")
			.param("title", "Monitoring notes")
			.param("text", "# Monitoring notes\n\nNotes.\n");
	}

	private org.springframework.test.web.servlet.RequestBuilder designate(MockHttpSession session, String username,
			String from, String until) {
		return post("/admin/working-groups/crp").session(session)
			.with(csrf())
			.param("username", username)
			.param("from", from)
			.param("until", until);
	}

	private org.springframework.test.web.servlet.RequestBuilder decide(MockHttpSession session, long request,
			String accept, String standing, String reason) {
		var builder = post("/working-groups/crp/requests/{id}", request).session(session)
			.with(csrf())
			.param("accept", accept)
			.param("reason", reason);
		return standing == null ? builder : builder.param("standing", standing);
	}

}
