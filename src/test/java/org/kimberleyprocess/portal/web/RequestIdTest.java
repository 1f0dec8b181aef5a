package org.kimberleyprocess.portal.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every answer names its request in {@code X-Request-Id}, and the audit trail records the same
 * id, so the reference a person quotes leads to what the portal did. A proxy's short token is
 * kept; anything else in the header is replaced. (The log lines and the error pages, which need
 * the servlet container's error dispatch, are in {@link ErrorPagesTest}.)
 */
@PortalTest
class RequestIdTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyAnswerNamesItsOwnRequest() throws Exception {
		String first = requestId(get("/"));
		String second = requestId(get("/chairs"));
		assertThat(first).matches("[0-9a-f]{16}");
		assertThat(second).matches("[0-9a-f]{16}").isNotEqualTo(first);
		assertThat(requestId(get("/login"))).matches("[0-9a-f]{16}");
		assertThat(requestId(get("/no-such-page"))).matches("[0-9a-f]{16}");
	}

	@Test
	void aProxysShortTokenIsKeptAndReachesTheAuditTrail() throws Exception {
		String answered = requestId(post("/login").with(csrf())
			.header("X-Request-Id", "support-case_4711.a")
			.param("username", "request-id-probe")
			.param("password", "not the password"));
		assertThat(answered).isEqualTo("support-case_4711.a");
		assertThat(this.jdbc.queryForList("SELECT request_id FROM audit_entry WHERE action = 'Sign-in failed'"
				+ " AND actor = 'request-id-probe'", String.class)).containsExactly("support-case_4711.a");
	}

	@Test
	void anythingElseInTheHeaderIsReplaced() throws Exception {
		for (String forged : new String[] { "short", "x".repeat(65), "two words here", "id\";drop", "naïve-identifier",
				"" }) {
			assertThat(requestId(get("/").header("X-Request-Id", forged))).as(forged).matches("[0-9a-f]{16}");
		}
	}

	private String requestId(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getHeader("X-Request-Id");
	}

}
