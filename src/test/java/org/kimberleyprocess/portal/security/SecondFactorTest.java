package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second factor as the accounts that act for governments meet it: the code step after the
 * password, a code that works once, recovery codes, the throttle, enrolment, and an
 * administrator's reset.
 */
@PortalTest
class SecondFactorTest {

	/** A head of delegation few other tests use, whose factor these tests may change. */
	private static final String SPARE = "hod-kz";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void restoreTheDemoFactor() {
		ThrottleTesting.forgetEverything(this.jdbc);
		this.jdbc.update("DELETE FROM recovery_code WHERE account_id IN (SELECT id FROM account WHERE username IN (?, ?))",
				SPARE, "delegate-bw");
		this.jdbc.update("DELETE FROM second_factor WHERE account_id IN (SELECT id FROM account WHERE username IN (?, ?))",
				SPARE, "delegate-bw");
		this.jdbc.update("INSERT INTO second_factor (account_id, secret, last_used_step, enrolled_at)"
				+ " SELECT a.id, f.secret, 0, f.enrolled_at FROM account a, second_factor f JOIN account b"
				+ " ON b.id = f.account_id AND b.username = 'hod-bw' WHERE a.username = ?", SPARE);
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
	}

	@Test
	void aHeadOfDelegationsPasswordAloneOpensNothingButTheCodeStep() throws Exception {
		MockHttpSession session = SignIn.withPasswordOnly(this.mvc, "hod-bw", SignIn.DEMO_PASSWORD);
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isFound());
		// A page anyone may read signed out is not read with the head's rights on a password alone.
		this.mvc.perform(get("/documents").session(session)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		// The page asked for is kept in a cookie, which a browser sends back.
		jakarta.servlet.http.Cookie asked = this.mvc.perform(get("/consensus").session(session))
			.andExpect(redirectedUrlPattern("/sign-in/code?factor*"))
			.andReturn()
			.getResponse()
			.getCookie("REDIRECT_URI");
		assertThat(asked).isNotNull();
		this.mvc.perform(get("/sign-in/code").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the code from your authenticator app")))
			.andExpect(content().string(not(containsString("href=\"/consensus\""))));

		this.mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", wrongCode()))
			.andExpect(redirectedUrl("/sign-in/code?error"));
		this.mvc.perform(get("/sign-in/code").param("error", "").session(session))
			.andExpect(content().string(containsString("That code is not right")));

		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
		this.mvc.perform(post("/sign-in/code").session(session).cookie(asked).with(csrf())
			.param("code", DemoAuthenticator.codeNow()))
			.andExpect(authenticated().withUsername("hod-bw").withRoles("HEAD_OF_DELEGATION"))
			.andExpect(redirectedUrlPattern("**/consensus*"));
		this.mvc.perform(get("/consensus").session(session)).andExpect(status().isOk());
	}

	@Test
	void aCodeWorksOnceEvenFromAnotherSession() throws Exception {
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
		String code = DemoAuthenticator.codeNow();
		MockHttpSession first = SignIn.withPasswordOnly(this.mvc, "hod-bw", SignIn.DEMO_PASSWORD);
		this.mvc.perform(post("/sign-in/code").session(first).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/home"));
		MockHttpSession second = SignIn.withPasswordOnly(this.mvc, "hod-bw", SignIn.DEMO_PASSWORD);
		this.mvc.perform(post("/sign-in/code").session(second).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/sign-in/code?error"));
		this.mvc.perform(get("/home").session(second)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
	}

	@Test
	void wrongCodesAreThrottledLikePasswords() throws Exception {
		MockHttpSession session = SignIn.withPasswordOnly(this.mvc, "hod-bw", SignIn.DEMO_PASSWORD);
		// The address just signed in with the password, so the username's delay spares it: the
		// lock of this username at this address comes after ten failures (portal.sign-in.lock-after).
		for (int attempt = 0; attempt < 10; attempt++) {
			this.mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", wrongCode()))
				.andExpect(redirectedUrl("/sign-in/code?error"));
		}
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
		this.mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", DemoAuthenticator.codeNow()))
			.andExpect(redirectedUrl("/sign-in/code?locked"));
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/sign-in/code").param("locked", "").session(session))
			.andExpect(content().string(containsString("Too many failed attempts to sign in. Wait")));
	}

	@Test
	void aPasswordAloneCannotReplaceAnEnrolledFactor() throws Exception {
		MockHttpSession session = SignIn.withPasswordOnly(this.mvc, "hod-bw", SignIn.DEMO_PASSWORD);
		String before = this.jdbc.queryForObject("SELECT f.secret FROM second_factor f JOIN account a"
				+ " ON a.id = f.account_id WHERE a.username = 'hod-bw'", String.class);
		this.mvc.perform(get("/account/two-factor").param("replace", "").session(session))
			.andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		String attackersKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
		this.mvc.perform(post("/account/two-factor").session(session).with(csrf()).param("secret", attackersKey)
			.param("code", DemoAuthenticator.codeAt(attackersKey, Instant.now())))
			.andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		assertThat(this.jdbc.queryForObject("SELECT f.secret FROM second_factor f JOIN account a"
				+ " ON a.id = f.account_id WHERE a.username = 'hod-bw'", String.class)).isEqualTo(before);
	}

	@Test
	void afterAnAdministratorsResetThePersonEnrolsAgainAndRecoveryCodesWorkOnce() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long id = this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, SPARE);
		this.mvc.perform(get("/admin/users/" + id + "/edit").session(admin))
			.andExpect(content().string(containsString("Reset second factor")));
		this.mvc.perform(post("/admin/users/" + id + "/reset-second-factor").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id + "/edit"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM second_factor WHERE account_id = ?", Integer.class, id))
			.isZero();
		assertThat(this.jdbc.queryForList("SELECT CONCAT(actor, ': ', action) FROM audit_entry WHERE target = ?",
				String.class, "SecondFactor#" + id)).contains("Portal Administrator (admin): SecondFactor removed");

		MockHttpSession session = SignIn.withPasswordOnly(this.mvc, SPARE, SignIn.DEMO_PASSWORD);
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.mvc.perform(get("/sign-in/code").session(session)).andExpect(redirectedUrl("/account/two-factor"));
		String page = this.mvc.perform(get("/account/two-factor").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"").matcher(page);
		assertThat(secret.find()).isTrue();
		assertThat(page).contains("<code class=\"secret\">" + secret.group(1) + "</code>", "data:image/svg+xml;base64,");

		this.mvc.perform(post("/account/two-factor").session(session).with(csrf()).param("secret", secret.group(1))
			.param("code", wrongCode(secret.group(1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That code does not match the key")));
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) this.mvc
			.perform(post("/account/two-factor").session(session).with(csrf()).param("secret", secret.group(1))
				.param("code", DemoAuthenticator.codeAt(secret.group(1), Instant.now())))
			.andExpect(redirectedUrl("/account/two-factor/recovery-codes"))
			.andExpect(flash().attributeExists("recoveryCodes"))
			.andReturn()
			.getFlashMap()
			.get("recoveryCodes");
		assertThat(codes).hasSize(10).allMatch((code) -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());

		MockHttpSession later = SignIn.withPasswordOnly(this.mvc, SPARE, SignIn.DEMO_PASSWORD);
		this.mvc.perform(post("/sign-in/code").session(later).with(csrf()).param("code", codes.get(3).toUpperCase()))
			.andExpect(redirectedUrl("/home"));
		MockHttpSession again = SignIn.withPasswordOnly(this.mvc, SPARE, SignIn.DEMO_PASSWORD);
		this.mvc.perform(post("/sign-in/code").session(again).with(csrf()).param("code", codes.get(3)))
			.andExpect(redirectedUrl("/sign-in/code?error"));
		this.mvc.perform(get("/account/two-factor").session(later))
			.andExpect(content().string(containsString("Recovery codes left: 9.")));
	}

	@Test
	void aDelegateMayChooseASecondFactorAndTurnItOff() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "delegate-bw");
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		String page = this.mvc.perform(get("/account/two-factor").session(session))
			.andExpect(content().string(containsString("protects your account even if someone learns your password")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"").matcher(page);
		assertThat(secret.find()).isTrue();
		this.mvc.perform(post("/account/two-factor").session(session).with(csrf()).param("secret", secret.group(1))
			.param("code", DemoAuthenticator.codeAt(secret.group(1), Instant.now())))
			.andExpect(redirectedUrl("/account/two-factor/recovery-codes"));

		MockHttpSession next = SignIn.withPasswordOnly(this.mvc, "delegate-bw", SignIn.DEMO_PASSWORD);
		this.mvc.perform(get("/home").session(next)).andExpect(redirectedUrlPattern("/sign-in/code?factor*"));

		this.mvc.perform(post("/account/two-factor/off").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/two-factor"));
		MockHttpSession after = SignIn.withPasswordOnly(this.mvc, "delegate-bw", SignIn.DEMO_PASSWORD);
		this.mvc.perform(get("/home").session(after)).andExpect(status().isOk());
	}

	@Test
	void aHeadOfDelegationCannotTurnItOff() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/account/two-factor").session(session))
			.andExpect(content().string(containsString("Your role needs two-step sign-in, so it stays on.")))
			.andExpect(content().string(not(containsString("Turn off two-step sign-in"))));
		this.mvc.perform(post("/account/two-factor/off").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/two-factor"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM second_factor f JOIN account a ON a.id = f.account_id"
				+ " WHERE a.username = 'hod-bw'", Integer.class)).isEqualTo(1);
	}

	/**
	 * New recovery codes change how the person signs in: with factors given more than ten
	 * minutes ago, the password is asked again, then a new code, before the change is made.
	 */
	@Test
	void changingTheFactorNeedsFactorsGivenRecently() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		ageFactors(session, Duration.ofMinutes(11));
		this.mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/login?factor*"));
		this.mvc.perform(get("/login").param("factor.type", "password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm it is you")));
		this.mvc.perform(get("/account/two-factor").param("replace", "").session(session))
			.andExpect(redirectedUrlPattern("/login?factor*"));
		// Reading the page is no change: it opens.
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/login").session(session).with(csrf()).param("username", "hod-bw")
			.param("password", SignIn.DEMO_PASSWORD)).andExpect(authenticated().withUsername("hod-bw"));
		this.mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/sign-in/code?factor*"));
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
		this.mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", DemoAuthenticator.codeNow()))
			.andExpect(authenticated().withUsername("hod-bw").withRoles("HEAD_OF_DELEGATION"));
		this.mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/two-factor/recovery-codes"));
	}

	@Test
	void endingSessionsNeedsFactorsGivenRecently() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/account/sessions").session(session)).andExpect(status().isOk());
		ageFactors(session, Duration.ofMinutes(11));
		this.mvc.perform(get("/account/sessions").session(session)).andExpect(status().isOk());
		this.mvc.perform(post("/account/sessions/end-others").session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/login?factor*"));
	}

	/** Makes the session's factors look as if they had been given that long ago. */
	private static void ageFactors(MockHttpSession session, Duration age) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication current = context.getAuthentication();
		List<GrantedAuthority> aged = new ArrayList<>();
		for (GrantedAuthority authority : current.getAuthorities()) {
			aged.add((authority instanceof FactorGrantedAuthority factor) ? FactorGrantedAuthority
				.withAuthority(factor.getAuthority())
				.issuedAt(factor.getIssuedAt().minus(age))
				.build() : authority);
		}
		SecurityContext older = SecurityContextHolder.createEmptyContext();
		older.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, aged));
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, older);
	}

	private static String wrongCode() {
		return wrongCode(DemoAuthenticator.SECRET);
	}

	/** A six-digit code that is none of the ones accepted around now. */
	private static String wrongCode(String secret) {
		List<String> accepted = new ArrayList<>();
		Instant now = Instant.now();
		for (int step = -2; step <= 2; step++) {
			accepted.add(DemoAuthenticator.codeAt(secret, now.plusSeconds(30L * step)));
		}
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!accepted.contains(code)) {
				return code;
			}
		}
	}

}
