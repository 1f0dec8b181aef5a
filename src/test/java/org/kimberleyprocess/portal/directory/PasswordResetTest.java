package org.kimberleyprocess.portal.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A forgotten password: the same answer whether or not an account matches, a link for an account
 * that exists (not too often), and the new password chosen through it ending the account's
 * sessions without ever passing over the second factor.
 */
@PortalTest
class PasswordResetTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String PASSWORD = "Granite-Harbour-Lantern-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Test
	void theAnswerIsTheSameWhetherOrNotAnAccountMatchesAndOnlyAnAccountGetsALink() throws Exception {
		String username = member("DELEGATE");
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/password-reset\"")));
		this.mvc.perform(get("/password-reset"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Username or email address")));
		int before = allResetEmails();

		SqlStatementCounter.reset();
		MvcResult known = ask(username).andReturn();
		long knownStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		MvcResult unknown = ask("nobody-" + UUID.randomUUID().toString().substring(0, 8)).andReturn();
		long unknownStatements = SqlStatementCounter.count();

		assertThat(known.getResponse().getStatus()).isEqualTo(302).isEqualTo(unknown.getResponse().getStatus());
		assertThat(known.getResponse().getRedirectedUrl()).isEqualTo("/password-reset?sent")
			.isEqualTo(unknown.getResponse().getRedirectedUrl());
		assertThat(known.getFlashMap().isEmpty()).isTrue();
		assertThat(unknown.getFlashMap().isEmpty()).isTrue();
		assertThat(knownStatements).as("the request does the same work either way").isEqualTo(unknownStatements);
		this.mvc.perform(get("/password-reset?sent"))
			.andExpect(content().string(containsString("If an account matches what you entered")));

		awaitRequests();
		assertThat(Mailbox.count(this.jdbc, username, Mailbox.PASSWORD_RESET)).isEqualTo(1);
		assertThat(allResetEmails()).isEqualTo(before + 1);
		assertThat(Mailbox.latest(this.jdbc, username, Mailbox.PASSWORD_RESET)).contains(username,
				"Someone asked for a new password");

		// Asked again at once, by the address this time: no second email to flood the mailbox.
		ask((username + "@example.org").toUpperCase(Locale.ROOT));
		awaitRequests();
		assertThat(Mailbox.count(this.jdbc, username, Mailbox.PASSWORD_RESET)).isEqualTo(1);
		String first = Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET);

		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(now.plus(Duration.ofMinutes(6)));
			ask(username + "@example.org");
			awaitRequests();
			assertThat(Mailbox.count(this.jdbc, username, Mailbox.PASSWORD_RESET)).isEqualTo(2);
			// Only the latest link sent works.
			this.mvc.perform(get(first)).andExpect(status().isNotFound());
			this.mvc.perform(get(Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET)))
				.andExpect(status().isOk());
		}
		finally {
			this.clock.travelTo(now);
		}
	}

	@Test
	void aLinkIsForActiveAccountsOnly() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String invited = "reset-" + UUID.randomUUID().toString().substring(0, 8);
		invite(head, invited, "DELEGATE");
		String suspended = member("DELEGATE");
		this.mvc.perform(post("/organisations/bw/members/{id}/suspend",
				this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, suspended))
			.session(head)
			.with(csrf())).andExpect(redirectedUrl("/organisations/bw/members"));
		ask(invited);
		ask(suspended + "@example.org");
		awaitRequests();
		assertThat(Mailbox.count(this.jdbc, invited, Mailbox.PASSWORD_RESET)).isZero();
		assertThat(Mailbox.count(this.jdbc, suspended, Mailbox.PASSWORD_RESET)).isZero();
	}

	@Test
	void theLinkSetsANewPasswordOnceAndEndsEverySessionOfTheAccount() throws Exception {
		String username = member("DELEGATE");
		MockHttpSession elsewhere = SignIn.as(this.mvc, username, PASSWORD);
		this.mvc.perform(get("/home").session(elsewhere)).andExpect(status().isOk());
		ask(username);
		awaitRequests();
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET);

		// The browser's session, for the form's CSRF token, opens at the first visit; then opening
		// the link writes nothing.
		MockHttpSession visitor = (MockHttpSession) this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andReturn()
			.getRequest()
			.getSession(false);
		SqlStatementCounter.reset();
		this.mvc.perform(get(link).session(visitor))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Choose a new password"), containsString(username))));
		assertThat(SqlStatementCounter.writes()).as("statements that write, opening the link").isZero();
		this.mvc.perform(get("/home").session(elsewhere)).andExpect(status().isOk());

		choose(link, "short").andExpect(status().isOk())
			.andExpect(content().string(containsString("The password must have at least 12 characters.")));
		choose(link, PASSWORD).andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a password different from your current one.")));
		choose(link, "Polished-Stones-2016").andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(get("/login?reset")).andExpect(content().string(containsString("Your password has been changed")));

		this.mvc.perform(get("/home").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		SignIn.as(this.mvc, username, "Polished-Stones-2016");

		this.mvc.perform(get(link))
			.andExpect(status().isGone())
			.andExpect(content().string(allOf(containsString("This link has already been used"),
					containsString("href=\"/password-reset\""))));
		choose(link, "Another-Password-2016").andExpect(status().isGone());
		SignIn.as(this.mvc, username, "Polished-Stones-2016");
	}

	@Test
	void aLinkExpiresAfterAnHour() throws Exception {
		String username = member("DELEGATE");
		ask(username);
		awaitRequests();
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET);
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(now.plus(Duration.ofMinutes(61)));
			this.mvc.perform(get(link))
				.andExpect(status().isGone())
				.andExpect(content().string(allOf(containsString("This link has expired"),
						containsString("Ask for a new link"))));
			choose(link, "Polished-Stones-2016").andExpect(status().isGone());
		}
		finally {
			this.clock.travelTo(now);
		}
		SignIn.as(this.mvc, username, PASSWORD);
	}

	@Test
	void aPrivilegedAccountStillNeedsItsSecondFactorAfterAReset() throws Exception {
		String username = member("ALTERNATE");
		MockHttpSession first = SignIn.withPasswordOnly(this.mvc, username, PASSWORD);
		this.mvc.perform(get("/sign-in/code").session(first)).andExpect(redirectedUrl("/account/two-factor"));
		String key = SignIn.enrol(this.mvc, first);

		ask(username);
		awaitRequests();
		choose(Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET), "Polished-Stones-2016")
			.andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(get("/home").session(first)).andExpect(redirectedUrl("/login?ended"));

		MockHttpSession after = SignIn.withPasswordOnly(this.mvc, username, "Polished-Stones-2016");
		this.mvc.perform(get("/home").session(after)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/sign-in/code").session(after)).andExpect(status().isOk());
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0 WHERE account_id ="
				+ " (SELECT id FROM account WHERE username = ?)", username);
		this.mvc.perform(post("/sign-in/code").session(after)
			.with(csrf())
			.param("code", DemoAuthenticator.codeAt(key, Instant.now())))
			.andExpect(authenticated().withUsername(username));
		this.mvc.perform(get("/home").session(after)).andExpect(status().isOk());
	}

	@Test
	void anInvitationsLinkResetsNoPasswordAndAResetLinkAcceptsNoInvitation() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String invited = "reset-" + UUID.randomUUID().toString().substring(0, 8);
		invite(head, invited, "DELEGATE");
		String invitation = Mailbox.token(Mailbox.latestLink(this.jdbc, invited, Mailbox.INVITATION));

		this.mvc.perform(get("/password-reset/" + invitation))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
		choose("/password-reset/" + invitation, "Polished-Stones-2016").andExpect(status().isNotFound());
		this.mvc.perform(get("/invitations/" + invitation)).andExpect(status().isOk());

		String username = member("DELEGATE");
		ask(username);
		awaitRequests();
		String reset = Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET));
		this.mvc.perform(get("/invitations/" + reset))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", reset)
			.param("newPassword", "Polished-Stones-2016")
			.param("confirmation", "Polished-Stones-2016")).andExpect(status().isNotFound());
		SignIn.as(this.mvc, username, PASSWORD);
		this.mvc.perform(get("/password-reset/" + reset)).andExpect(status().isOk());

		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", invitation)
			.param("newPassword", PASSWORD)
			.param("confirmation", PASSWORD)).andExpect(redirectedUrl("/login?welcome"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE summary LIKE ? OR summary LIKE ?",
				Integer.class, "%" + invitation + "%", "%" + reset + "%")).isZero();
	}

	/** An active member of Botswana's delegation, invited by its head, with the password chosen. */
	private String member(String role) throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
		invite(head, username, role);
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION)))
			.param("newPassword", PASSWORD)
			.param("confirmation", PASSWORD)).andExpect(redirectedUrl("/login?welcome"));
		return username;
	}

	private void invite(MockHttpSession head, String username, String role) throws Exception {
		this.mvc.perform(post("/organisations/bw/members").session(head)
			.with(csrf())
			.param("fullName", "Member " + username)
			.param("email", username + "@example.org")
			.param("username", username)
			.param("role", role)
			.param("preferredLanguage", "en")).andExpect(redirectedUrl("/organisations/bw/members"));
	}

	private ResultActions ask(String usernameOrEmail) throws Exception {
		return this.mvc.perform(post("/password-reset").with(csrf()).param("usernameOrEmail", usernameOrEmail))
			.andExpect(redirectedUrl("/password-reset?sent"));
	}

	private ResultActions choose(String link, String password) throws Exception {
		return this.mvc.perform(post("/password-reset/choose").with(csrf())
			.param("token", Mailbox.token(link))
			.param("newPassword", password)
			.param("confirmation", password));
	}

	/** The requests are looked at after the answer has gone: waits until every one has been. */
	private void awaitRequests() {
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL"
					+ " AND EVENT_TYPE LIKE '%ResetRequested'", Integer.class) == 0);
	}

	private int allResetEmails() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM outgoing_email WHERE purpose = 'PASSWORD_RESET'",
				Integer.class);
	}

}
