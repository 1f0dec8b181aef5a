package org.kimberleyprocess.portal.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Sign-in attempts from a chosen client address, and a clean throttle between tests. */
final class ThrottleTesting {

	private ThrottleTesting() {
	}

	static ResultActions signIn(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").with(csrf())
			.with(from(address))
			.param("username", username)
			.param("password", password));
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static void forgetEverything(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM sign_in_throttle");
		jdbc.update("DELETE FROM sign_in_pair");
		jdbc.update("DELETE FROM sign_in_address");
		jdbc.update("DELETE FROM sign_in_failures");
	}

}
