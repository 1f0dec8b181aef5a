package org.kimberleyprocess.portal.web;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class NavigationAndVisibilityTest {

	private static final String ADMIN_LINK = "href=\"/admin\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signedOutVisitorsSeeTheWelcomePageAndAreSentToSignInForTheRest() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The Kimberley Process portal"),
					containsString("href=\"/login\""), not(containsString(ADMIN_LINK)))));
		for (String page : new String[] { "/home", "/admin", "/organisations/bw", "/account/password" }) {
			this.mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void delegationsObserversAndGuestsHaveNoAdministrationLinkAndAreRefusedIt() throws Exception {
		for (String username : new String[] { "hod-bw", "delegate-bw", "wgm", "wdc", "csc", "guest-gga" }) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(get("/home").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("href=\"/account/password\""),
						not(containsString(ADMIN_LINK)))));
			this.mvc.perform(get("/admin/users").session(session))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void chairsOfficeAndAdministratorsHaveTheAdministrationLink() throws Exception {
		for (String username : new String[] { "chair", "admin" }) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(get("/home").session(session))
				.andExpect(content().string(containsString(ADMIN_LINK)));
			this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
			this.mvc.perform(get("/admin/organisations").session(session)).andExpect(status().isOk());
		}
	}

	@Test
	void theHeaderNamesThePersonTheirOrganisationAndRole() throws Exception {
		this.mvc.perform(get("/home").session(SignIn.as(this.mvc, "wgm")))
			.andExpect(content().string(allOf(containsString("Pieter Janssens"), containsString("European Union"),
					containsString("Working-group chair"), containsString("Working Group on Monitoring"))));
	}

	@Test
	void aGuestOrganisationIsNotFoundForThoseWhoMayNotSeeIt() throws Exception {
		for (String username : new String[] { "hod-bw", "csc", "wdc" }) {
			this.mvc.perform(get("/organisations/gga").session(SignIn.as(this.mvc, username)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Good Governance"))));
		}
		for (String username : new String[] { "guest-gga", "chair", "admin" }) {
			this.mvc.perform(get("/organisations/gga").session(SignIn.as(this.mvc, username)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Good Governance Africa")));
		}
	}

	@Test
	void theChairsOfficeCannotOpenAnAdministratorsAccount() throws Exception {
		Long adminId = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'admin'", Long.class);
		this.mvc.perform(get("/admin/users/{id}/edit", adminId).session(SignIn.as(this.mvc, "chair")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users").param("q", "administrator").session(SignIn.as(this.mvc, "chair")))
			.andExpect(content().string(not(containsString("Portal Administrator"))));
		this.mvc.perform(get("/admin/users/{id}/edit", adminId).session(SignIn.as(this.mvc, "admin")))
			.andExpect(status().isOk());
	}

	@Test
	void unknownAndMalformedAddressesAnswerNotFound() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(get("/organisations/atlantis").session(chair)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/999999/edit").session(chair)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/not-a-number/edit").session(chair)).andExpect(status().isNotFound());
	}

	@Test
	void pagesSpeakFrenchWhenAsked() throws Exception {
		this.mvc.perform(get("/").param("lang", "fr"))
			.andExpect(content().string(allOf(containsString("lang=\"fr\""),
					containsString("Le portail du Processus de Kimberley"))));
		this.mvc.perform(get("/organisations/cf").param("lang", "fr").session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(content().string(allOf(containsString("République centrafricaine"), containsString("Suspendu"))));
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreNot() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		// The rest is served on the operations port only (see operations/OperationsTest).
		this.mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/env").session(SignIn.as(this.mvc, "admin"))).andExpect(status().isNotFound());
	}

}
