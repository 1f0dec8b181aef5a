package org.kimberleyprocess.portal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs in through the real form and hands back the session, as a browser would keep it: the
 * password, then, for the accounts whose role needs it, the demo authenticator's code.
 */
public final class SignIn {

	public static final String DEMO_PASSWORD = "Kimberley-Demo-2016";

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
		return as(mvc, username, DEMO_PASSWORD);
	}

	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		MockHttpSession session = withPasswordOnly(mvc, username, password);
		MvcResult step = mvc.perform(get("/sign-in/code").session(session)).andReturn();
		if (step.getResponse().getStatus() == 200) {
			// Each code is accepted once; the many sign-ins of a test run share the demo key, so
			// the record of the last one used is cleared first (the portal's own check is tested
			// in SecondFactorTest).
			JdbcTemplate jdbc = mvc.getDispatcherServlet()
				.getWebApplicationContext()
				.getBean(JdbcTemplate.class);
			jdbc.update("UPDATE second_factor SET last_used_step = 0 WHERE account_id ="
					+ " (SELECT id FROM account WHERE username = ?)", username);
			mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", DemoAuthenticator.codeNow()))
				.andExpect(authenticated().withUsername(username));
		}
		return session;
	}

	/**
	 * Enrols an authenticator app as a person does on the enrolment page: reads the key offered,
	 * and confirms it with the app's code. Returns the key.
	 */
	public static String enrol(MockMvc mvc, MockHttpSession session) throws Exception {
		String page = mvc.perform(get("/account/two-factor").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"")
			.matcher(page);
		if (!secret.find()) {
			throw new AssertionError("The enrolment page offers no key");
		}
		String key = secret.group(1);
		mvc.perform(post("/account/two-factor").session(session)
			.with(csrf())
			.param("secret", key)
			.param("code", DemoAuthenticator.codeAt(key, java.time.Instant.now())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/account/two-factor/recovery-codes"));
		return key;
	}

	/** The first step alone: what a person has after typing their password. */
	public static MockHttpSession withPasswordOnly(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
