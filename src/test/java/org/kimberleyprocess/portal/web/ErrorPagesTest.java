package org.kimberleyprocess.portal.web;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages as a real server sends them (the servlet container's error dispatch): in the
 * portal's layout, in the reader's language, and revealing nothing of the internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.mail.send-interval=PT24H", "portal.mail.digest-cron=-", "portal.notifications.reminder-check=PT24H" })
@ActiveProfiles("demo")
class ErrorPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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

	}

}
