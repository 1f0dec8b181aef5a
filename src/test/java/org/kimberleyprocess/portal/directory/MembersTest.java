package org.kimberleyprocess.portal.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A delegation's head, or an Observer's representative, looks after its own members: invites them
 * (the invitation's link lets them choose a password, once, within a week), gives them their role,
 * suspends, reinstates and removes them; and nobody else's.
 */
@PortalTest
class MembersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	Readers readers;

	@Autowired
	DirectoryQueries directory;

	@Test
	void aHeadOfDelegationInvitesADelegateWhoChoosesAPasswordThroughTheLinkAndSignsIn() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/organisations/bw").session(head))
			.andExpect(content().string(containsString("href=\"/organisations/bw/members\"")));
		this.mvc.perform(get("/organisations/bw/members").session(head))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Thato Kgosi"), containsString("delegate-bw"),
					containsString("Invite a member"))));

		String username = uniqueUsername();
		MvcResult invited = this.mvc.perform(invite(head, "bw", username, "DELEGATE"))
			.andExpect(redirectedUrl("/organisations/bw/members"))
			.andReturn();
		Flash flash = (Flash) invited.getFlashMap().get("flash");
		assertThat(flash.code()).isEqualTo("members.invited");
		assertThat(flash.arguments()).containsExactly("Member " + username, username + "@example.org");
		assertThat(this.jdbc.queryForObject("SELECT recipient FROM outgoing_email e JOIN account a ON a.id = e.account_id"
				+ " WHERE a.username = ? AND e.purpose = 'INVITATION'", String.class, username))
			.isEqualTo(username + "@example.org");
		String email = Mailbox.latest(this.jdbc, username, Mailbox.INVITATION);
		assertThat(email).contains("Kagiso Molefe", "Botswana", "Delegate", username);
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);

		// Invited, the person is no reader yet: no sign-in, no notification, listed as invited.
		this.mvc.perform(get("/organisations/bw/members").session(head))
			.andExpect(content().string(allOf(containsString(username), containsString("Invited"))));
		assertThat(this.jdbc.queryForObject("SELECT active FROM account WHERE username = ?", Boolean.class, username))
			.isFalse();
		long id = accountId(username);
		assertThat(this.readers.ofAccount(id)).as("a reader for notifications, email and feeds").isEmpty();
		assertThat(this.directory.peopleWithRoles(List.of(organisationId("bw")), Role.DELEGATE)).doesNotContain(id);

		// Opening the link changes nothing, however often (the first visit opens the browser's
		// session, for the form's CSRF token).
		MockHttpSession visitor = (MockHttpSession) this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andReturn()
			.getRequest()
			.getSession(false);
		SqlStatementCounter.reset();
		this.mvc.perform(get(link).session(visitor))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(allOf(containsString("Kagiso Molefe"), containsString("Botswana"),
					containsString("Delegate"), containsString("Choose your password"))));
		assertThat(SqlStatementCounter.writes()).as("statements that write, opening the link").isZero();

		choosePassword(link, "Granite-Harbour-Lantern-7").andExpect(redirectedUrl("/login?welcome"));
		this.mvc.perform(get("/login?welcome"))
			.andExpect(content().string(containsString("Your account is ready")));
		MockHttpSession member = SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/home").session(member))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Member " + username), containsString("Delegate"))));
		this.mvc.perform(get("/organisations/bw/members").session(head))
			.andExpect(content().string(allOf(containsString(username), containsString("Active"))));
		assertThat(this.readers.ofAccount(id)).isPresent();
		assertThat(this.directory.peopleWithRoles(List.of(organisationId("bw")), Role.DELEGATE)).contains(id);

		// The same link again: it has been used, and the page says how to get a new one.
		this.mvc.perform(get(link))
			.andExpect(status().isGone())
			.andExpect(content().string(allOf(containsString("This link has already been used"),
					containsString("send the invitation again"))));
		choosePassword(link, "Another-Password-2016")
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has already been used")));
		SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
	}

	@Test
	void theLinkSignsNobodyIn() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "DELEGATE"));
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);
		MockHttpSession browser = new MockHttpSession();
		this.mvc.perform(get(link).session(browser)).andExpect(status().isOk());
		this.mvc.perform(post("/invitations/accept").session(browser)
			.with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Granite-Harbour-Lantern-7")).andExpect(redirectedUrl("/login?welcome"));
		this.mvc.perform(get("/home").session(browser)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anAlternateInvitedSetsUpTwoStepSignInAtTheFirstSignIn() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "ALTERNATE")).andExpect(redirectedUrl("/organisations/bw/members"));
		choosePassword(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION), "Granite-Harbour-Lantern-7")
			.andExpect(redirectedUrl("/login?welcome"));
		MockHttpSession alternate = SignIn.withPasswordOnly(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/home").session(alternate)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/sign-in/code").session(alternate)).andExpect(redirectedUrl("/account/two-factor"));
		SignIn.enrol(this.mvc, alternate);
		this.mvc.perform(get("/home").session(alternate)).andExpect(status().isOk());
	}

	@Test
	void anExpiredLinkSaysSoAndOpensNothing() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "DELEGATE"));
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(now.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
			this.mvc.perform(get(link)).andExpect(status().isOk());
			this.clock.travelTo(now.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
			this.mvc.perform(get(link))
				.andExpect(status().isGone())
				.andExpect(content().string(allOf(containsString("This link has expired"),
						containsString("send the invitation again"))));
			choosePassword(link, "Granite-Harbour-Lantern-7")
				.andExpect(status().isGone())
				.andExpect(content().string(containsString("This link has expired")));
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(this.jdbc.queryForObject("SELECT active FROM account WHERE username = ?", Boolean.class, username))
			.isFalse();
		this.mvc.perform(get("/invitations/" + UUID.randomUUID()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
		this.mvc.perform(get("/invitations/not-a-token"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
	}

	@Test
	void aPasswordTooShortOrNotConfirmedComesBackOnTheFormAndTheLinkStillWorks() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "DELEGATE"));
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);

		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "short")
			.param("confirmation", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"), containsString("href=\"#newPassword\""),
					containsString("The password must have at least 12 characters."), not(containsString("value=\"short\"")))));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Rough-Diamonds-2017"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The two new passwords are not the same."),
					not(containsString("Rough-Diamonds-201")))));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", username)
			.param("confirmation", username))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The password must not be your username.")));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Granite-Harbour-Lantern-7")).andExpect(redirectedUrl("/login?welcome"));
	}

	@Test
	void theFormComesBackWithWhatWasTypedAndAUsernameIsTakenOnce() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(post("/organisations/bw/members").session(head)
			.with(csrf())
			.param("fullName", "")
			.param("email", "not-an-address")
			.param("username", "Not Valid!")
			.param("role", "DELEGATE")
			.param("preferredLanguage", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"), containsString("href=\"#fullName\""),
					containsString("value=\"not-an-address\""), containsString("value=\"Not Valid!\""))));
		this.mvc.perform(invite(head, "bw", "delegate-bw", "DELEGATE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This username is already taken.")));
	}

	@Test
	void aHeadOfDelegationManagesNoOtherOrganisationNorItsHeadNorItself() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		long european = accountId("wgm");
		long itself = accountId("hod-bw");
		this.mvc.perform(get("/organisations/eu/members").session(head)).andExpect(status().isNotFound());
		this.mvc.perform(invite(head, "eu", uniqueUsername(), "DELEGATE")).andExpect(status().isNotFound());
		this.mvc.perform(post("/organisations/eu/members/{id}/suspend", european).session(head).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/organisations/bw/members/{id}/suspend", european).session(head).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/organisations/bw/members/{id}/suspend", itself).session(head).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/organisations/bw/members/{id}/remove", itself).session(head).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(invite(head, "bw", uniqueUsername(), "HEAD_OF_DELEGATION")).andExpect(status().isForbidden());
		this.mvc.perform(post("/organisations/bw/members/{id}/role", accountId("delegate-bw")).session(head)
			.with(csrf())
			.param("role", "HEAD_OF_DELEGATION")).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT active FROM account WHERE username = 'hod-bw'", Boolean.class))
			.isTrue();
		// The EU's head may not touch the EU's delegate who chairs a working group: that role is not theirs to give.
		MockHttpSession europe = SignIn.as(this.mvc, "hod-eu");
		this.mvc.perform(get("/organisations/eu/members").session(europe))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pieter Janssens")));
		this.mvc.perform(post("/organisations/eu/members/{id}/suspend", european).session(europe).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void membersWithoutTheRightAreRefused() throws Exception {
		for (String username : new String[] { "alt-bw", "delegate-bw" }) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(get("/organisations/bw/members").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(invite(session, "bw", uniqueUsername(), "DELEGATE")).andExpect(status().isForbidden());
			this.mvc.perform(get("/organisations/bw").session(session))
				.andExpect(content().string(not(containsString("/organisations/bw/members"))));
		}
		this.mvc.perform(get("/organisations/bw/members").session(SignIn.as(this.mvc, "chair")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/organisations/gga/members").session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations/bw/members")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anObserversRepresentativeManagesItsOwnOrganisation() throws Exception {
		MockHttpSession representative = SignIn.as(this.mvc, "wdc");
		this.mvc.perform(get("/home").session(representative))
			.andExpect(content().string(containsString("href=\"/organisations/wdc/members\"")));
		String username = uniqueUsername();
		this.mvc.perform(invite(representative, "wdc", username, "OBSERVER_REPRESENTATIVE"))
			.andExpect(redirectedUrl("/organisations/wdc/members"));
		this.mvc.perform(invite(representative, "wdc", uniqueUsername(), "DELEGATE")).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations/kp-csc/members").session(representative)).andExpect(status().isNotFound());
		this.mvc.perform(post("/organisations/wdc/members/{id}/suspend", accountId("wdc")).session(representative)
			.with(csrf())).andExpect(status().isForbidden());

		choosePassword(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION), "Granite-Harbour-Lantern-7")
			.andExpect(redirectedUrl("/login?welcome"));
		MockHttpSession colleague = SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/organisations/wdc/members").session(colleague)).andExpect(status().isOk());
		this.mvc.perform(post("/organisations/wdc/members/{id}/remove", accountId(username)).session(representative)
			.with(csrf())).andExpect(redirectedUrl("/organisations/wdc/members"));
		this.mvc.perform(get("/home").session(colleague)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/organisations/wdc/members").session(representative))
			.andExpect(content().string(allOf(containsString("is no longer a member"),
					not(containsString("<dd>" + username + "</dd>")))));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account_role r JOIN account a ON a.id = r.account_id"
				+ " WHERE a.username = ?", Integer.class, username)).isZero();
	}

	@Test
	void suspendingEndsTheMembersOpenSessionAndARoleChangeAppliesToIt() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "DELEGATE"));
		choosePassword(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION), "Granite-Harbour-Lantern-7");
		long id = accountId(username);
		MockHttpSession member = SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/home").session(member)).andExpect(status().isOk());

		this.mvc.perform(post("/organisations/bw/members/{id}/suspend", id).session(head).with(csrf()))
			.andExpect(redirectedUrl("/organisations/bw/members"));
		this.mvc.perform(get("/home").session(member)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(formLogin().user(username).password("Granite-Harbour-Lantern-7"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/organisations/bw/members").session(head))
			.andExpect(content().string(containsString("Suspended")));

		this.mvc.perform(post("/organisations/bw/members/{id}/reinstate", id).session(head).with(csrf()))
			.andExpect(redirectedUrl("/organisations/bw/members"));
		member = SignIn.as(this.mvc, username, "Granite-Harbour-Lantern-7");
		this.mvc.perform(get("/home").session(member)).andExpect(content().string(containsString("Delegate")));

		// An alternate needs a second factor: the open session is sent to set one up at once.
		this.mvc.perform(post("/organisations/bw/members/{id}/role", id).session(head).with(csrf()).param("role", "ALTERNATE"))
			.andExpect(redirectedUrl("/organisations/bw/members"));
		assertThat(this.jdbc.queryForObject("SELECT role FROM account_role WHERE account_id = ?", String.class, id))
			.isEqualTo("ALTERNATE");
		this.mvc.perform(get("/home").session(member)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
	}

	@Test
	void everyChangeIsInTheAuditTrailAndNoLinkIs() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = uniqueUsername();
		this.mvc.perform(invite(head, "bw", username, "DELEGATE"));
		String token = Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION));
		long id = accountId(username);
		this.mvc.perform(post("/organisations/bw/members/{id}/invitation", id).session(head).with(csrf()))
			.andExpect(redirectedUrl("/organisations/bw/members"));
		String again = Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION));
		assertThat(again).isNotEqualTo(token);
		this.mvc.perform(get("/invitations/" + token)).andExpect(status().isNotFound());
		choosePassword("/invitations/" + again, "Granite-Harbour-Lantern-7").andExpect(redirectedUrl("/login?welcome"));
		this.mvc.perform(post("/organisations/bw/members/{id}/suspend", id).session(head).with(csrf()));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = ? AND action = 'Account created'"
				+ " AND actor LIKE '%(hod-bw)'", Integer.class, "Account#" + id)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = ? AND action = 'Account changed'"
				+ " AND summary LIKE '%active: false → true%'", Integer.class, "Account#" + id)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = ? AND action = 'Account changed'"
				+ " AND summary LIKE '%active: true → false%' AND actor LIKE '%(hod-bw)'", Integer.class, "Account#" + id))
			.isEqualTo(1);
		for (String value : new String[] { token, again }) {
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE ? OR target LIKE ?"
					+ " OR action LIKE ?", Integer.class, "%" + value + "%", "%" + value + "%", "%" + value + "%"))
				.isZero();
		}
	}

	private ResultActions choosePassword(String link, String password)
			throws Exception {
		return this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", password)
			.param("confirmation", password));
	}

	private MockHttpServletRequestBuilder invite(MockHttpSession session, String organisation, String username,
			String role) {
		return post("/organisations/{code}/members", organisation).session(session)
			.with(csrf())
			.param("fullName", "Member " + username)
			.param("email", username + "@example.org")
			.param("username", username)
			.param("role", role)
			.param("preferredLanguage", "en");
	}

	private long organisationId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	private long accountId(String username) {
		return this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
	}

	private static String uniqueUsername() {
		return "member-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
