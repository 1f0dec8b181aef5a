package org.kimberleyprocess.portal;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/** Signs in through the real form and hands back the session, as a browser would keep it. */
public final class SignIn {

	public static final String DEMO_PASSWORD = "Kimberley-Demo-2016";

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
		return as(mvc, username, DEMO_PASSWORD);
	}

	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
