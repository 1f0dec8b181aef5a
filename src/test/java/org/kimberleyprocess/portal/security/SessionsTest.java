package org.kimberleyprocess.portal.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sessions kept in the database: what is stored, when it is written, how long it lasts, how it ends. */
@PortalTest
class SessionsTest {

	static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

	static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Test
	void aSignedInSessionIsStoredAndKnownFromItsCookieAloneAsAnotherNodeOrARestartedPortalWouldKnowIt()
			throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		assertThat(this.jdbc.queryForObject("SELECT PRINCIPAL_NAME FROM SPRING_SESSION WHERE SESSION_ID = ?",
				String.class, session.getId())).isEqualTo("hod-bw");
		assertThat(this.jdbc.queryForList("""
				SELECT a.ATTRIBUTE_NAME FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s
				ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID WHERE s.SESSION_ID = ?""", String.class, session.getId()))
			.contains("SPRING_SECURITY_CONTEXT", SignedIn.ATTRIBUTE);

		String cookie = Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(get("/home").cookie(new Cookie("SESSION", cookie))).andExpect(status().isOk());
	}

	@Test
	void aSignedOutRequestForAPageStoresNoSessionAndSigningInLeadsToThatPage() throws Exception {
		MvcResult asked = this.mvc.perform(get("/documents/new")).andExpect(redirectedUrl("/login")).andReturn();
		assertThat(asked.getRequest().getSession(false)).isNull();
		assertThat(asked.getResponse().getCookie("SESSION")).isNull();
		Cookie page = asked.getResponse().getCookie("REDIRECT_URI");
		assertThat(page).isNotNull();
		assertThat(page.isHttpOnly()).isTrue();

		this.mvc.perform(post("/login").with(csrf())
			.cookie(page)
			.param("username", "hod-bw")
			.param("password", SignIn.DEMO_PASSWORD)).andExpect(redirectedUrl("http://localhost/documents/new"));
	}

	@Test
	void aPageViewWithinTheMinuteWritesNothingAndOneAfterItRecordsTheLastAccess() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		long recorded = lastAccess(session);

		SqlStatementCounter.reset();
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/documents").session(session)).andExpect(status().isOk());
		assertThat(SqlStatementCounter.writes()).isZero();
		assertThat(lastAccess(session)).isEqualTo(recorded);

		long minuteAgo = recorded - Duration.ofSeconds(61).toMillis();
		this.jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE SESSION_ID = ?", minuteAgo,
				session.getId());
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		assertThat(lastAccess(session)).isGreaterThanOrEqualTo(recorded);
		SqlStatementCounter.reset();
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		assertThat(SqlStatementCounter.writes()).isZero();
	}

	@Test
	void aPrivilegedSessionEndsAfterHalfAnHourIdleAndOthersAfterEightHours() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "alt-bw");
		MockHttpSession delegate = SignIn.as(this.mvc, "delegate-bw");
		assertThat(this.jdbc.queryForObject("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?",
				Integer.class, head.getId())).isEqualTo(30 * 60);
		assertThat(this.jdbc.queryForObject("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?",
				Integer.class, delegate.getId())).isEqualTo(8 * 60 * 60);

		idleFor(head, Duration.ofMinutes(31));
		idleFor(delegate, Duration.ofMinutes(31));
		this.mvc.perform(get("/home").session(head)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/home").session(delegate)).andExpect(status().isOk());
		idleFor(delegate, Duration.ofHours(8));
		this.mvc.perform(get("/home").session(delegate)).andExpect(redirectedUrl("/login?ended"));
	}

	@Test
	void aPrivilegedSessionEndsTwelveHoursAfterSignInHoweverBusyAndOthersAfterSevenDays() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		MockHttpSession delegate = SignIn.as(this.mvc, "delegate-bw");
		long entries = auditEntries("chair");
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(now.plus(Duration.ofHours(12)).minusSeconds(60));
			this.mvc.perform(get("/home").session(chair)).andExpect(status().isOk());
			this.clock.travelTo(now.plus(Duration.ofHours(12)).plusSeconds(60));
			this.mvc.perform(get("/home").session(chair)).andExpect(redirectedUrl("/login?ended"));
			this.mvc.perform(get("/home").session(chair)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(get("/home").session(delegate)).andExpect(status().isOk());
			this.clock.travelTo(now.plus(Duration.ofDays(7)).plusSeconds(60));
			this.mvc.perform(get("/home").session(delegate)).andExpect(redirectedUrl("/login?ended"));
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(auditEntries("chair")).isEqualTo(entries + 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT summary FROM audit_entry WHERE action = 'Session ended' AND target = 'Account chair' ORDER BY id DESC LIMIT 1",
				String.class))
			.startsWith("Ended at the end of its lifetime");
	}

	@Test
	void thePersonSeesEachOfTheirSessionsAndEndingOneSendsItsNextRequestToSignIn() throws Exception {
		MockHttpSession laptop = signIn("hod-au", FIREFOX_ON_WINDOWS);
		MockHttpSession phone = signIn("hod-au", SAFARI_ON_IPHONE);
		long entries = auditEntries("hod-au");

		Document page = sessionsPage(laptop);
		assertThat(page.select("tbody tr")).hasSizeGreaterThanOrEqualTo(2);
		Element first = page.selectFirst("tbody tr");
		assertThat(first.text()).contains("Firefox on Windows", "This session", "127.0.0.1");
		Element other = page.select("tbody tr")
			.stream()
			.filter((row) -> row.text().contains("Safari on iPhone"))
			.findFirst()
			.orElseThrow();
		String end = other.selectFirst("form").attr("action");
		assertThat(end).isEqualTo("/account/sessions/" + SignedInSessions.reference(phone.getId()) + "/end");
		assertThat(page.html()).doesNotContain(phone.getId()).doesNotContain(laptop.getId());

		this.mvc.perform(post(end).session(laptop).with(csrf())).andExpect(redirectedUrl("/account/sessions"));
		this.mvc.perform(get("/home").session(phone)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/home").session(laptop)).andExpect(status().isOk());
		assertThat(sessionsPage(laptop).text()).doesNotContain("Safari on iPhone");
		assertThat(auditEntries("hod-au")).isEqualTo(entries + 1);
		assertThat(this.jdbc.queryForObject("""
				SELECT summary FROM audit_entry WHERE action = 'Session ended' AND target = 'Account hod-au'
				ORDER BY id DESC LIMIT 1""", String.class))
			.startsWith("Ended by its holder: Safari on iPhone from 127.0.0.1, signed in ");

		MockHttpSession tablet = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(post("/account/sessions/end-others").session(laptop).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions"));
		this.mvc.perform(get("/home").session(tablet)).andExpect(redirectedUrl("/login?ended"));
		assertThat(sessionsPage(laptop).select("tbody tr")).hasSize(1);
		String french = this.mvc.perform(get("/account/sessions").param("lang", "fr").session(laptop))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(french).text()).contains("Firefox sous Windows", "Cette session");

		this.mvc.perform(post("/account/sessions/{ref}/end", SignedInSessions.reference(laptop.getId())).session(laptop)
			.with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		this.mvc.perform(get("/home").session(laptop)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anotherPersonsSessionCannotBeEndedNorSeen() throws Exception {
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		MockHttpSession europe = SignIn.as(this.mvc, "hod-eu");
		this.mvc.perform(post("/account/sessions/{ref}/end", SignedInSessions.reference(europe.getId()))
			.session(botswana)
			.with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(post("/account/sessions/{ref}/end", europe.getId()).session(botswana).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/home").session(europe)).andExpect(status().isOk());
		assertThat(sessionsPage(botswana).html()).doesNotContain(SignedInSessions.reference(europe.getId()));
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String temporary = newAccount(chair, username);
		MockHttpSession here = SignIn.as(this.mvc, username, temporary);
		MockHttpSession elsewhere = SignIn.as(this.mvc, username, temporary);

		this.mvc.perform(post("/account/password").session(here)
			.with(csrf())
			.param("currentPassword", temporary)
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Granite-Harbour-Lantern-7")).andExpect(redirectedUrl("/home"));
		this.mvc.perform(get("/home").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/home").session(here)).andExpect(status().isOk());
		assertThat(sessionsOf(username)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT summary FROM audit_entry WHERE action = 'Session ended' AND target = ?",
				String.class, "Account " + username))
			.singleElement()
			.asString()
			.startsWith("Ended because the account's password changed");
	}

	@Test
	void anAdministratorsResetOrDeactivationEndsEverySessionOfTheAccountAtOnce() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String temporary = newAccount(chair, username);
		SignIn.as(this.mvc, username, temporary);
		SignIn.as(this.mvc, username, temporary);
		assertThat(sessionsOf(username)).isEqualTo(2);

		long id = this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
		// The reset emails a link; the password, and the sessions, change when the link is used.
		this.mvc.perform(post("/admin/users/{id}/reset-password", id).session(chair).with(csrf()));
		assertThat(sessionsOf(username)).isEqualTo(2);
		String again = "Polished-Stones-of-" + username;
		this.mvc.perform(post("/password-reset/choose").with(csrf())
			.param("token", Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.PASSWORD_RESET)))
			.param("newPassword", again)
			.param("confirmation", again)).andExpect(redirectedUrl("/login?reset"));
		assertThat(sessionsOf(username)).isZero();
		this.mvc.perform(get("/home").session(chair)).andExpect(status().isOk());

		SignIn.as(this.mvc, username, again);
		this.mvc.perform(post("/admin/users/{id}/deactivate", id).session(chair).with(csrf()));
		assertThat(sessionsOf(username)).isZero();
	}

	private MockHttpSession signIn(String username, String userAgent) throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(post("/login").with(csrf())
			.header("User-Agent", userAgent)
			.param("username", username)
			.param("password", SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getRequest()
			.getSession(false);
		// The second step, for the accounts whose role needs it.
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0 WHERE account_id ="
				+ " (SELECT id FROM account WHERE username = ?)", username);
		this.mvc.perform(post("/sign-in/code").session(session)
			.with(csrf())
			.header("User-Agent", userAgent)
			.param("code", DemoAuthenticator.codeNow()));
		return session;
	}

	private Document sessionsPage(MockHttpSession session) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/account/sessions").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private String newAccount(MockHttpSession chair, String username) throws Exception {
		MvcResult result = this.mvc.perform(post("/admin/users").session(chair)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Officer " + username)
			.param("email", username + "@example.org")
			.param("organisationId",
					String.valueOf(this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'bw'", Long.class)))
			.param("roles", "DELEGATE")
			.param("preferredLanguage", "en"))
			.andExpect(redirectedUrlPattern("/admin/users/*/edit"))
			.andReturn();
		String password = "Sunlit-Orchard-" + username;
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION)))
			.param("newPassword", password)
			.param("confirmation", password)).andExpect(redirectedUrl("/login?welcome"));
		return password;
	}

	private long lastAccess(MockHttpSession session) {
		return this.jdbc.queryForObject("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
				session.getId());
	}

	/**
	 * As if the session had not been used for that long: its recorded last access moves back, on
	 * the real time that Spring Session keeps sessions by.
	 */
	private void idleFor(MockHttpSession session, Duration idle) {
		this.jdbc.update("""
				UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ?, EXPIRY_TIME = ? + MAX_INACTIVE_INTERVAL * 1000
				WHERE SESSION_ID = ?""", this.clock.wallClock().instant().minus(idle).toEpochMilli(),
				this.clock.wallClock().instant().minus(idle).toEpochMilli(),
				session.getId());
	}

	private int sessionsOf(String username) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class,
				username);
	}

	private long auditEntries(String username) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'Session ended' AND target = ?", Long.class,
				"Account " + username);
	}

}
