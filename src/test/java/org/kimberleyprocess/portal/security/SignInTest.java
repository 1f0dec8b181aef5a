package org.kimberleyprocess.portal.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forgetFailures() {
		ThrottleTesting.forgetEverything(this.jdbc);
	}

	@Test
	void headOfDelegationSignsInAndSeesTheDelegationHome() throws Exception {
		this.mvc.perform(formLogin().user("hod-bw").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/home"))
			.andExpect(authenticated().withUsername("hod-bw").withRoles("HEAD_OF_DELEGATION"));
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/home").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Kagiso Molefe"), containsString("Botswana"),
					containsString("Head of delegation"), containsString("Working Group on Monitoring"))));
	}

	@Test
	void wrongPasswordAndUnknownUsernameGetTheSameGenericAnswer() throws Exception {
		this.mvc.perform(formLogin().user("hod-in").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		MvcResult unknown = this.mvc.perform(formLogin().user("no-such-person").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated())
			.andReturn();
		MockHttpSession session = (MockHttpSession) unknown.getRequest().getSession(false);
		this.mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The username or password is not right"),
					containsString("value=\"no-such-person\""))));
	}

	@Test
	void deactivatedAccountGetsTheSameAnswerAsAWrongPassword() throws Exception {
		this.jdbc.update("UPDATE account SET active = FALSE, security_stamp = security_stamp + 1 WHERE username = 'hod-lk'");
		try {
			this.mvc.perform(formLogin().user("hod-lk").password(SignIn.DEMO_PASSWORD))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());
		}
		finally {
			this.jdbc.update("UPDATE account SET active = TRUE WHERE username = 'hod-lk'");
		}
	}

	@Test
	void theSignInPageIsNeverStoredNorItsErrorAnswers() throws Exception {
		MvcResult failed = ThrottleTesting.signIn(this.mvc, "hod-in", "not-the-password", "192.0.2.1")
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) failed.getRequest().getSession(false);
		for (String variant : new String[] { "", "error", "locked", "signedOut", "ended" }) {
			this.mvc.perform(variant.isEmpty() ? get("/login") : get("/login").param(variant, "").session(session))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(header().doesNotExist("ETag"));
		}
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "hod-bw").param("password", SignIn.DEMO_PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void signingInGivesANewSessionIdentifier() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/login"))
			.andReturn()
			.getRequest()
			.getSession(false);
		String before = session.getId();
		this.mvc.perform(post("/login").session(session)
			.with(csrf())
			.param("username", "hod-au")
			.param("password", SignIn.DEMO_PASSWORD)).andExpect(redirectedUrl("/home"));
		assertThat(session.getId()).isNotEqualTo(before);
	}

	@Test
	void signingOutIsAPostAndEndsTheSession() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(get("/logout").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndNoStackTraces() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(not(containsString("<script>"))));
	}

}
