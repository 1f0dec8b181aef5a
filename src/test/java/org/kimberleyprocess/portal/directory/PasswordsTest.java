package org.kimberleyprocess.portal.directory;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Choosing a password, and signing in with it, through the portal's forms. */
@PortalTest
class PasswordsTest {

	private static final String PBKDF2 = "{pbkdf2-sha256-600000}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forgetFailures() {
		this.jdbc.update("DELETE FROM sign_in_throttle");
		this.jdbc.update("DELETE FROM sign_in_pair");
		this.jdbc.update("DELETE FROM sign_in_address");
		this.jdbc.update("DELETE FROM sign_in_failures");
	}

	@Test
	void aNewPasswordIsRefusedWithTheRuleItBreaks() throws Exception {
		Newcomer newcomer = newcomer();
		String[][] refusals = { { "passwordpassword", "too common: it appears in lists of breached passwords" },
				{ "Password1234", "too common: it appears in lists of breached passwords" },
				{ "123456789012", "too common: it appears in lists of breached passwords" },
				{ "eleven char", "at least 12 characters" },
				{ "\uD83D\uDC8E".repeat(11), "at least 12 characters" },
				{ "x".repeat(129), "at most 128 characters" },
				{ newcomer.username().toUpperCase(), "must not be your username" },
				{ newcomer.password(), "different from your current one" } };
		for (String[] refusal : refusals) {
			change(newcomer, refusal[0]).andExpect(status().isOk())
				.andExpect(content().string(containsString(refusal[1])));
		}
		change(newcomer, "passwordpassword", new Cookie("kp-lang", "fr")).andExpect(status().isOk())
			.andExpect(content().string(containsString("trop courant : il figure dans des listes de mots de passe")));
	}

	@Test
	void noRuleOnTheKindsOfCharactersAndLengthIsCountedInCharacters() throws Exception {
		Newcomer newcomer = newcomer();
		String twelveDiamonds = "\uD83D\uDC8E".repeat(12);
		change(newcomer, twelveDiamonds).andExpect(redirectedUrl("/home"));
		SignIn.as(this.mvc, newcomer.username(), twelveDiamonds);
	}

	@Test
	void aHundredCharacterPasswordIsKeptWholeAndOnlyAllOfItSignsIn() throws Exception {
		Newcomer newcomer = newcomer();
		String password = "rough diamonds from Marange, Kono and Bangui ".repeat(3).substring(0, 100);
		change(newcomer, password).andExpect(redirectedUrl("/home"));
		assertThat(hashOf(newcomer.username())).startsWith(PBKDF2);

		SignIn.as(this.mvc, newcomer.username(), password);
		String other73rdByte = password.substring(0, 72) + (password.charAt(72) == 'X' ? 'Y' : 'X');
		refused(newcomer.username(), other73rdByte);
		refused(newcomer.username(), password.substring(0, 72));
		refused(newcomer.username(), password + "x".repeat(400));
	}

	@Test
	void aStoredBcryptHashStillSignsInAndIsReplacedWithoutEndingSessions() throws Exception {
		assertThat(hashOf("hod-cm")).startsWith("{bcrypt}");
		long stamp = stampOf("hod-cm");
		MockHttpSession first = SignIn.as(this.mvc, "hod-cm");
		assertThat(hashOf("hod-cm")).startsWith(PBKDF2);
		assertThat(stampOf("hod-cm")).isEqualTo(stamp);
		this.mvc.perform(get("/home").session(first)).andExpect(status().isOk());
		SignIn.as(this.mvc, "hod-cm");
	}

	@Test
	void aBcryptHashIsNeverMatchedByAPasswordLongerThanBcryptReads() throws Exception {
		String before = hashOf("hod-cn");
		String seventyTwo = "Kimberley Process Certification Scheme, Dubai Plenary, 14 November 2016.";
		assertThat(seventyTwo).hasSize(72);
		this.jdbc.update("UPDATE account SET password_hash = ? WHERE username = 'hod-cn'",
				"{bcrypt}" + new BCryptPasswordEncoder().encode(seventyTwo));
		try {
			refused("hod-cn", seventyTwo + " And more.");
			refused("hod-cn", seventyTwo + "x".repeat(428));
			SignIn.as(this.mvc, "hod-cn", seventyTwo);
		}
		finally {
			this.jdbc.update("UPDATE account SET password_hash = ? WHERE username = 'hod-cn'", before);
		}
	}

	@Test
	void aVeryLongPasswordGetsTheUsualAnswerWhoeverTheUsername() throws Exception {
		String fiveHundred = "k".repeat(500);
		for (String username : new String[] { "hod-gn", "no-such-person" }) {
			refused(username, fiveHundred);
		}
	}

	private void refused(String username, String password) throws Exception {
		this.mvc.perform(formLogin().user(username).password(password))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	private ResultActions change(Newcomer newcomer, String password, Cookie... cookies) throws Exception {
		var request = post("/account/password").session(newcomer.session())
			.with(csrf())
			.param("currentPassword", newcomer.password())
			.param("newPassword", password)
			.param("confirmation", password);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request);
	}

	/** A person the Chair's office just invited, who chose a password through the link and signed in. */
	private Newcomer newcomer() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String username = "test-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc.perform(post("/admin/users").session(chair)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Officer " + username)
			.param("email", username + "@example.org")
			.param("organisationId",
					this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'bw'", Long.class).toString())
			.param("roles", "DELEGATE")
			.param("preferredLanguage", "en")).andReturn();
		String password = "Sunlit-Orchard-" + username;
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION)))
			.param("newPassword", password)
			.param("confirmation", password));
		return new Newcomer(username, password, SignIn.as(this.mvc, username, password));
	}

	private String hashOf(String username) {
		return this.jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class, username);
	}

	private long stampOf(String username) {
		return this.jdbc.queryForObject("SELECT security_stamp FROM account WHERE username = ?", Long.class, username);
	}

	private record Newcomer(String username, String password, MockHttpSession session) {
	}

}
