package org.kimberleyprocess.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Connector;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages as a real server sends them (the servlet container's error dispatch): in the
 * portal's layout, in the reader's language, revealing nothing of the internals, and giving the
 * request's id as the reference to quote, the one on the log lines of the failure. Also the
 * operations port as the real server opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.mail.send-interval=PT24H", "portal.mail.digest-cron=-", "portal.notifications.reminder-check=PT24H" })
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServletWebServerApplicationContext context;

	WebClient browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new WebClient();
		this.browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		this.browser.getOptions().setCssEnabled(false);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aMissingPageAnswers404InTheLayout() throws Exception {
		signIn("hod-bw");
		HtmlPage page = this.browser.getPage(url("/organisations/gga"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(page.querySelector("h1").getTextContent()).isEqualTo("Page not found");
		assertThat(page.asNormalizedText()).contains("Kagiso Molefe", "Sign out").doesNotContain("Good Governance");
	}

	@Test
	void aForbiddenPageAnswers403InTheReadersLanguage() throws Exception {
		signIn("hod-bw");
		this.browser.getPage(url("/?lang=fr"));
		HtmlPage page = this.browser.getPage(url("/admin"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
		assertThat(page.querySelector("h1").getTextContent()).isEqualTo("Vous n’avez pas accès à cette page");
	}

	@Test
	void aFailureAnswers500WithoutRevealingAnything() throws Exception {
		signIn("hod-bw");
		HtmlPage page = this.browser.getPage(url("/test/failure"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(500);
		assertThat(page.querySelector("h1").getTextContent()).isEqualTo("Sorry, something went wrong");
		assertThat(page.getWebResponse().getContentAsString()).doesNotContain("secret internals",
				"IllegalStateException", "at org.");
	}

	@Test
	void aFailureGivesTheReferenceItIsLoggedUnder(CapturedOutput output) throws Exception {
		signIn("hod-bw");
		HtmlPage page = this.browser.getPage(url("/test/failure"));
		String id = page.getWebResponse().getResponseHeaderValue("X-Request-Id");
		assertThat(id).matches("[0-9a-f]{16}");
		assertThat(page.asNormalizedText()).contains("If you report this problem, quote the reference " + id + ".");
		assertThat(output.getOut().lines().filter((line) -> line.contains("GET /test/failure failed")))
			.singleElement()
			.asString()
			.contains("[" + id + "]");
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: secret internals");
	}

	@Test
	void anUnavailablePortalGivesAReferenceInTheReadersLanguage() throws Exception {
		signIn("hod-bw");
		this.browser.getPage(url("/?lang=fr"));
		HtmlPage page = this.browser.getPage(url("/test/unavailable"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(503);
		String id = page.getWebResponse().getResponseHeaderValue("X-Request-Id");
		assertThat(page.asNormalizedText()).contains("Si vous signalez ce problème, indiquez la référence " + id + ".");
	}

	@Test
	void theRequestsIdIsOnItsLogLinesAndAProxysShortTokenIsKept() throws Exception {
		signIn("hod-bw");
		var own = this.browser.getPage(url("/test/request-id")).getWebResponse();
		assertThat(own.getContentAsString()).isEqualTo(own.getResponseHeaderValue("X-Request-Id"));

		WebRequest fromProxy = new WebRequest(new java.net.URL(url("/test/request-id")));
		fromProxy.setAdditionalHeader("X-Request-Id", "lb-7f3a9c2e.41");
		var kept = this.browser.loadWebResponse(fromProxy);
		assertThat(kept.getResponseHeaderValue("X-Request-Id")).isEqualTo("lb-7f3a9c2e.41");
		assertThat(kept.getContentAsString()).isEqualTo("lb-7f3a9c2e.41");

		WebRequest forged = new WebRequest(new java.net.URL(url("/test/request-id")));
		forged.setAdditionalHeader("X-Request-Id", "x".repeat(65));
		assertThat(this.browser.loadWebResponse(forged).getResponseHeaderValue("X-Request-Id")).matches("[0-9a-f]{16}");
	}

	@Test
	void theOperationsPortIsASecondConnectorOnTheLoopbackAddress() throws Exception {
		Connector[] connectors = ((TomcatWebServer) this.context.getWebServer()).getTomcat()
			.getService()
			.findConnectors();
		Connector operations = Arrays.stream(connectors)
			.filter((connector) -> connector.getLocalPort() != this.port)
			.findFirst()
			.orElseThrow();
		assertThat(connectors).hasSize(2);
		assertThat(operations.getProperty("address")).asString().contains("127.0.0.1");
		HttpClient client = HttpClient.newHttpClient();
		client.send(HttpRequest.newBuilder(URI.create(url("/chairs"))).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> metrics = client.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + operations.getLocalPort() + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_bucket", "portal_mail_pending");
		HttpResponse<String> publicly = client.send(
				HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(publicly.statusCode()).isEqualTo(404);
	}

	@Test
	void aMalformedIdentifierAnswers404() throws Exception {
		signIn("chair");
		HtmlPage page = this.browser.getPage(url("/admin/users/x/edit"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(page.querySelector("h1").getTextContent()).isEqualTo("Page not found");
	}

	private void signIn(String username) throws Exception {
		HtmlPage signIn = this.browser.getPage(url("/login"));
		HtmlForm form = signIn.getForms()
			.stream()
			.filter((candidate) -> candidate.getActionAttribute().endsWith("/login"))
			.findFirst()
			.orElseThrow();
		form.getInputByName("username").setValue(username);
		form.getInputByName("password").setValue(SignIn.DEMO_PASSWORD);
		HtmlPage home = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
		if (home.getUrl().getPath().equals("/sign-in/code")) {
			// These accounts act for a government or the Chair: the demo authenticator's code is the second step.
			this.jdbc.update("UPDATE second_factor SET last_used_step = 0 WHERE account_id ="
					+ " (SELECT id FROM account WHERE username = ?)", username);
			HtmlForm code = home.getForms()
				.stream()
				.filter((candidate) -> candidate.getActionAttribute().endsWith("/sign-in/code"))
				.findFirst()
				.orElseThrow();
			code.getInputByName("code").setValue(DemoAuthenticator.codeNow());
			home = code.getOneHtmlElementByAttribute("button", "type", "submit").click();
		}
		assertThat(home.getUrl().getPath()).isEqualTo("/home");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingPage {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@Controller
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("secret internals");
		}

		@GetMapping("/test/unavailable")
		void unavailable(HttpServletResponse response) throws java.io.IOException {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}

		@GetMapping(path = "/test/request-id", produces = "text/plain")
		@ResponseBody
		String requestId() {
			return MDC.get("requestId");
		}

	}

}
