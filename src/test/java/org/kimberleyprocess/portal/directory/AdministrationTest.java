package org.kimberleyprocess.portal.directory;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.Flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class AdministrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theChairsOfficeInvitesAPersonWhoChoosesTheirPasswordThroughTheLinkAndSignsIn() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		String link = create(chair, username, "bw", "DELEGATE");
		assertThat(Mailbox.latest(this.jdbc, username, Mailbox.INVITATION))
			.contains("Layla Al Mansouri", "Botswana", "Delegate", username);

		// Nobody signs in to an invited account before its holder has chosen a password.
		this.mvc.perform(formLogin().user(username).password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Layla Al Mansouri"), containsString("Botswana"),
					containsString("Delegate"), containsString(username))));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "short")
			.param("confirmation", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 12 characters")));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Granite-Harbour-Lantern-7")).andExpect(redirectedUrl("/login?welcome"));
		MockHttpSession newcomer = SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/home").session(newcomer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Botswana"), containsString("Delegate"))));
	}

	@Test
	void theChairsOfficeInvitesAGuest() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		String link = create(chair, username, "gga", "GUEST");
		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Good Governance Africa"), containsString("Guest"))));
		String password = "Sunlit-Orchard-" + username;
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", password)
			.param("confirmation", password)).andExpect(redirectedUrl("/login?welcome"));
		this.mvc.perform(get("/home").session(SignIn.as(this.mvc, username, password)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Good Governance Africa")));
	}

	@Test
	void resettingAPasswordEmailsALinkAndShowsNoPassword() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		String password = activeAccount(chair, username, "bw", "DELEGATE");
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class,
				username);
		long id = accountId(username);

		MvcResult reset = this.mvc.perform(post("/admin/users/{id}/reset-password", id).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id + "/edit"))
			.andReturn();
		Flash flash = (Flash) reset.getFlashMap().get("flash");
		assertThat(flash.code()).isEqualTo("admin.user.resetLinkSent");
		assertThat(flash.arguments()).containsExactly(username + "@example.org");
		assertThat(this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class,
				username))
			.as("the password stays until the link is used").isEqualTo(hash);
		SignIn.as(this.mvc, username, password);

		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET);
		assertThat(Mailbox.latest(this.jdbc, username, Mailbox.PASSWORD_RESET)).contains("administration");
		this.mvc.perform(post("/password-reset/choose").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "Polished-Stones-2016")
			.param("confirmation", "Polished-Stones-2016")).andExpect(redirectedUrl("/login?reset"));
		SignIn.as(this.mvc, username, "Polished-Stones-2016");
		this.mvc.perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void badInputComesBackOnTheFormWithAnErrorSummaryAndWhatWasTyped() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(post("/admin/users").session(chair)
			.with(csrf())
			.param("username", "Not Valid!")
			.param("fullName", "")
			.param("email", "not-an-address")
			.param("organisationId", organisationId("bw").toString())
			.param("preferredLanguage", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"), containsString("href=\"#fullName\""),
					containsString("Enter the person’s full name."), containsString("value=\"not-an-address\""),
					containsString("value=\"Not Valid!\""), containsString("Choose at least one role."))));
	}

	@Test
	void aRoleMustFitTheKindOfOrganisation() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(newAccount(chair, uniqueUsername(), "wdc", "HEAD_OF_DELEGATION"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("does not fit an organisation of kind OBSERVER")));
	}

	@Test
	void aTamperedRoleIsAFormErrorNotAFailure() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(newAccount(chair, uniqueUsername(), "bw", "EMPEROR"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")));
	}

	@Test
	void theChairsOfficeMayNotGrantAdministratorRights() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(newAccount(chair, uniqueUsername(), "asm", "SYSTEM_ADMINISTRATOR"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUsernameIsTakenOnce() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(newAccount(chair, "hod-bw", "bw", "DELEGATE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This username is already taken.")));
	}

	@Test
	void deactivatingAnAccountEndsItsOpenSessionAtOnce() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		String password = activeAccount(chair, username, "in", "DELEGATE");
		MockHttpSession session = SignIn.as(this.mvc, username, password);
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/users/{id}/deactivate", accountId(username)).session(chair).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/*/edit"));

		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aRoleGivenToAnAccountAppliesToItsOpenSessionWithoutSigningInAgain() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		String password = activeAccount(chair, username, "ae", "DELEGATE");
		MockHttpSession session = SignIn.as(this.mvc, username, password);
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());

		long id = accountId(username);
		long version = this.jdbc.queryForObject("SELECT version FROM account WHERE id = ?", Long.class, id);
		this.mvc.perform(post("/admin/users/{id}", id).session(chair)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Officer " + username)
			.param("email", username + "@example.org")
			.param("organisationId", organisationId("ae").toString())
			.param("roles", "DELEGATE", "CHAIRS_OFFICE")
			.param("preferredLanguage", "en")
			.param("version", Long.toString(version))).andExpect(redirectedUrl("/admin/users/" + id + "/edit"));

		// The Chair's office needs a second factor: the open session is sent to enrol one first.
		this.mvc.perform(get("/admin").session(session))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/sign-in/code").session(session)).andExpect(redirectedUrl("/account/two-factor"));
		SignIn.enrol(this.mvc, session);
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
	}

	@Test
	void aStaleFormIsRefusedWithAClearMessageAndKeepsTheInput() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = uniqueUsername();
		activeAccount(chair, username, "na", "DELEGATE");
		long id = accountId(username);
		this.mvc.perform(post("/admin/users/{id}", id).session(chair)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Edited Meanwhile")
			.param("email", username + "@example.org")
			.param("organisationId", organisationId("na").toString())
			.param("roles", "DELEGATE")
			.param("preferredLanguage", "en")
			.param("version", "-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Someone else changed this record"),
					containsString("value=\"Edited Meanwhile\""))));
	}

	@Test
	void organisationsAreCreatedWithTheirCountriesAndAWrongCountryIsExplained() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String code = "t" + UUID.randomUUID().toString().substring(0, 8);
		String name = "Test Participant " + code;
		// The public register, read before the change, is kept.
		this.mvc.perform(get("/participants")).andExpect(content().string(not(containsString(name))));
		this.mvc.perform(post("/admin/organisations").session(admin)
			.with(csrf())
			.param("code", code)
			.param("kind", "PARTICIPANT")
			.param("nameEn", name)
			.param("nameFr", "Participant d’essai")
			.param("participantStatus", "ACTIVE")
			.param("countries", "BW, XX"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Unknown country code: XX."),
					containsString("value=\"" + name + "\""))));
		this.mvc.perform(post("/admin/organisations").session(admin)
			.with(csrf())
			.param("code", code)
			.param("kind", "PARTICIPANT")
			.param("nameEn", name)
			.param("nameFr", "Participant d’essai")
			.param("participantStatus", "ACTIVE")
			.param("countries", "BW"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Country BW is already represented by Botswana.")));
		this.mvc.perform(post("/admin/organisations").session(admin)
			.with(csrf())
			.param("code", code)
			.param("kind", "PARTICIPANT")
			.param("nameEn", name)
			.param("nameFr", "Participant d’essai")
			.param("participantStatus", "SELF_SUSPENDED")
			.param("countries", ""))
			.andExpect(redirectedUrl("/admin/organisations"));
		assertThat(this.jdbc.queryForObject("SELECT participant_status FROM organisation WHERE code = ?", String.class,
				code))
			.isEqualTo("SELF_SUSPENDED");
		// The change shows at once on the public register and wherever an organisation is named.
		this.mvc.perform(get("/participants")).andExpect(content().string(containsString(name)));
	}

	private String activeAccount(MockHttpSession chair, String username, String organisation, String role)
			throws Exception {
		String link = create(chair, username, organisation, role);
		String password = "Sunlit-Orchard-" + username;
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", password)
			.param("confirmation", password)).andExpect(redirectedUrl("/login?welcome"));
		return password;
	}

	/**
	 * Creates the account through the form: an invitation, whose message names no password. Answers
	 * the link emailed to the new account's holder.
	 */
	private String create(MockHttpSession chair, String username, String organisation, String role)
			throws Exception {
		MvcResult result = this.mvc.perform(newAccount(chair, username, organisation, role))
			.andExpect(redirectedUrlPattern("/admin/users/*/edit"))
			.andReturn();
		Flash flash = (Flash) result.getFlashMap().get("flash");
		assertThat(flash.code()).isEqualTo("admin.user.invited");
		assertThat(flash.arguments()).containsExactly(username, username + "@example.org");
		this.mvc.perform(get(result.getResponse().getRedirectedUrl()).session(chair).flashAttr("flash", flash))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("An invitation has been sent to " + username),
					containsString("Invited"))));
		assertThat(this.jdbc.queryForObject("SELECT active FROM account WHERE username = ?", Boolean.class, username))
			.isFalse();
		return Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);
	}

	private MockHttpServletRequestBuilder newAccount(MockHttpSession session, String username, String organisation,
			String role) {
		return post("/admin/users").session(session)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Officer " + username)
			.param("email", username + "@example.org")
			.param("organisationId", organisationId(organisation).toString())
			.param("roles", role)
			.param("preferredLanguage", "en");
	}

	private Long organisationId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	private long accountId(String username) {
		return this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
	}

	private static String uniqueUsername() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
