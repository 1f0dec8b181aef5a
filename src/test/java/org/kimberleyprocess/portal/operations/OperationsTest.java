package org.kimberleyprocess.portal.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an operator reaches and reads: the actuator beyond the load balancers' health checks only
 * on the operations port (a request is put on it, as MockMvc has no connectors, by the local port
 * it names), the queue gauges, request latency, rounds closed, and the health group with the
 * mail queue that readiness leaves out.
 */
@PortalTest
class OperationsTest {

	private static final String[] BEYOND_HEALTH = { "/actuator/metrics", "/actuator/metrics/portal.mail.pending",
			"/actuator/prometheus", "/actuator/integrity", "/actuator/health/operations", "/actuator/health/db",
			"/actuator/health/mailQueue", "/actuator/env", "/actuator", "/actuator/metrics;jsessionid=x",
			"/actuator/health/../metrics" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	Backlogs backlogs;

	@Value("${portal.operations.mail-queue.max-age}")
	Duration maxAge;

	/** The operations port of this context, which sets no server.port: 8081. */
	static RequestPostProcessor operationsPort() {
		return (request) -> {
			request.setLocalPort(8081);
			return request;
		};
	}

	@Test
	void theLoadBalancersChecksStayOnThePublicPortAndNothingElseOfTheActuatorDoes() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"status\":\"UP\"}"));
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		for (String path : BEYOND_HEALTH) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
			this.mvc.perform(get(path).session(admin)).andExpect(status().isNotFound());
		}
	}

	@Test
	void theOperationsPortServesTheActuatorWithoutSigningInAndNoPage() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(operationsPort()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("portal_mail_pending ")));
		this.mvc.perform(get("/actuator/health/liveness").with(operationsPort())).andExpect(status().isOk());
		for (String page : new String[] { "/", "/login", "/home", "/admin", "/documents" }) {
			this.mvc.perform(get(page).with(operationsPort())).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/login").with(operationsPort()).with(csrf())
			.param("username", "admin")
			.param("password", SignIn.DEMO_PASSWORD)).andExpect(status().isNotFound());
	}

	@Test
	void theMailQueueGaugesCountAPendingEmailAndItsAge() throws Exception {
		this.backlogs.refresh();
		double pending = gauge("portal.mail.pending");
		long id = queueEmail(this.clock.instant().minus(Duration.ofMinutes(10)));
		try {
			assertThat(gauge("portal.mail.pending")).as("sampled, not read on each scrape").isEqualTo(pending);
			this.backlogs.refresh();
			assertThat(gauge("portal.mail.pending")).isEqualTo(pending + 1);
			assertThat(gauge("portal.mail.oldest.pending.age")).isGreaterThanOrEqualTo(600);
			this.mvc.perform(get("/actuator/prometheus").with(operationsPort()))
				.andExpect(content().string(containsString("portal_mail_pending " + (pending + 1))))
				.andExpect(content().string(containsString("portal_mail_oldest_pending_age_seconds ")))
				.andExpect(content().string(containsString("portal_events_incomplete ")));
		}
		finally {
			this.jdbc.update("DELETE FROM outgoing_email WHERE id = ?", id);
			this.backlogs.refresh();
		}
	}

	@Test
	void anEmailWaitingTooLongTakesTheOperationsGroupDownButNotReadiness() throws Exception {
		// Other tests leave emails queued at times of their own: set them aside, to start from an empty queue.
		this.jdbc.update("UPDATE outgoing_email SET status = 'ASIDE' WHERE status = 'PENDING'");
		try {
			this.backlogs.refresh();
			this.mvc.perform(get("/actuator/health/operations").with(operationsPort()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.components.db.status").value("UP"))
				.andExpect(jsonPath("$.components.mailQueue.status").value("UP"))
				.andExpect(jsonPath("$.components.mailQueue.details.pending").value(0));

			long id = queueEmail(this.clock.instant().minus(this.maxAge).minus(Duration.ofMinutes(5)));
			try {
				this.backlogs.refresh();
				this.mvc.perform(get("/actuator/health/operations").with(operationsPort()))
					.andExpect(status().isServiceUnavailable())
					.andExpect(jsonPath("$.status").value("DOWN"))
					.andExpect(jsonPath("$.components.mailQueue.status").value("DOWN"))
					.andExpect(jsonPath("$.components.mailQueue.details.pending").value(1));
				this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
				this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
			}
			finally {
				this.jdbc.update("DELETE FROM outgoing_email WHERE id = ?", id);
			}
		}
		finally {
			this.jdbc.update("UPDATE outgoing_email SET status = 'PENDING' WHERE status = 'ASIDE'");
			this.backlogs.refresh();
		}
	}

	@Test
	void requestLatencyIsRecordedByRoute() throws Exception {
		double before = count("/actuator/metrics/http.server.requests?tag=uri:/chairs");
		this.mvc.perform(get("/chairs")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics/http.server.requests").with(operationsPort())
			.param("tag", "uri:/chairs")
			.param("tag", "status:200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.baseUnit").value("seconds"));
		assertThat(count("/actuator/metrics/http.server.requests?tag=uri:/chairs")).isEqualTo(before + 1);
	}

	@Test
	void closedRoundsAreCountedByOutcome() throws Exception {
		String notAdopted = "/actuator/metrics/portal.consensus.rounds.closed?tag=outcome:NOT_ADOPTED";
		double before = count(notAdopted);
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		MvcResult created = this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", "Operations: a decision that meets an objection")
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "The Plenary decides.\n")).andExpect(redirectedUrlPattern("/documents/*")).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/documents/".length()));
		this.mvc.perform(post("/documents/{id}/circulate", id).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));
		this.mvc.perform(post("/documents/{id}/consensus/rounds", id).session(chair).with(csrf()).param("kind", "MEETING"))
			.andExpect(redirectedUrl("/documents/" + id + "/consensus"));
		long round = this.jdbc.queryForObject("SELECT MAX(id) FROM consensus_round WHERE document_id = ?", Long.class, id);
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/positions", id, round).session(SignIn.as(this.mvc, "hod-in"))
			.with(csrf())
			.param("participant", this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'in'", Long.class).toString())
			.param("position", "OBJECT")
			.param("reason", "Not yet.")).andExpect(redirectedUrl("/documents/" + id + "/consensus"));
		this.mvc.perform(post("/documents/{id}/consensus/rounds/{r}/close", id, round).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id + "/consensus"));
		assertThat(count(notAdopted)).isEqualTo(before + 1);
	}

	private long queueEmail(Instant queuedAt) {
		long account = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'hod-bw'", Long.class);
		LocalDateTime at = LocalDateTime.ofInstant(queuedAt, ZoneOffset.UTC);
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at) VALUES (?, 'hod-bw@example.org', 'en', 'Queued for operations',
				    'x', '<p>x</p>', 'PENDING', 0, ?, ?)""", account, at, at);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM outgoing_email WHERE subject = 'Queued for operations'",
				Long.class);
	}

	private double gauge(String name) throws Exception {
		return measurement(get("/actuator/metrics/" + name), "VALUE");
	}

	/** A meter's COUNT, or 0 while no request has created it. */
	private double count(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(operationsPort())).andReturn();
		if (result.getResponse().getStatus() == 404) {
			return 0;
		}
		return read(result, "COUNT");
	}

	private double measurement(MockHttpServletRequestBuilder request, String statistic) throws Exception {
		return read(this.mvc.perform(request.with(operationsPort())).andExpect(status().isOk()).andReturn(), statistic);
	}

	private static double read(MvcResult result, String statistic) throws Exception {
		java.util.List<Number> values = JsonPath.read(result.getResponse().getContentAsString(),
				"$.measurements[?(@.statistic == '" + statistic + "')].value");
		return values.get(0).doubleValue();
	}

}
