package org.kimberleyprocess.portal.web;

import java.time.Instant;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person does in a browser: follow the sign-in link, fill the form, read the page. */
@PortalTest
class BrowserSignInTest {

	@Autowired
	WebClient browser;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		this.browser.getCookieManager().clearCookies();
		this.jdbc.update("DELETE FROM sign_in_throttle");
		this.jdbc.update("DELETE FROM sign_in_pair");
		this.jdbc.update("DELETE FROM sign_in_address");
		this.jdbc.update("DELETE FROM sign_in_failures");
	}

	@Test
	void aHeadOfDelegationSignsInThroughTheFormAndSeesTheirDelegation() throws Exception {
		HtmlPage welcome = this.browser.getPage("http://localhost/");
		HtmlPage signIn = welcome.getAnchorByHref("/login").click();
		assertThat(signIn.getTitleText()).startsWith("Sign in");

		HtmlPage codeStep = submit(signIn, "hod-bw", SignIn.DEMO_PASSWORD);
		assertThat(codeStep.getUrl().getPath()).isEqualTo("/sign-in/code");
		assertThat((Object) codeStep.querySelector("nav.site-nav")).isNull();
		this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
		HtmlPage home = submitCode(codeStep, "/sign-in/code", DemoAuthenticator.codeNow());
		assertThat(home.getUrl().getPath()).isEqualTo("/home");
		assertThat(home.querySelector("h1").getTextContent()).isEqualTo("Welcome, Kagiso Molefe");
		assertThat(home.asNormalizedText()).contains("Botswana", "Head of delegation", "Working Group on Monitoring");

		HtmlPage french = ((HtmlAnchor) home.querySelector("a[hreflang=fr]")).click();
		assertThat(french.querySelector("h1").getTextContent()).isEqualTo("Bienvenue, Kagiso Molefe");
		assertThat(french.getDocumentElement().getAttribute("lang")).isEqualTo("fr");
		((HtmlAnchor) french.querySelector("a[hreflang=en]")).click();
	}

	@Test
	void aWrongPasswordShowsTheErrorSummaryAndKeepsTheUsername() throws Exception {
		HtmlPage signIn = this.browser.getPage("http://localhost/login");
		HtmlPage again = submit(signIn, "hod-in", "wrong password");
		assertThat(again.querySelector(".error-summary").asNormalizedText())
			.contains("There is a problem", "The username or password is not right");
		assertThat(again.getHtmlElementById("username").getAttribute("value")).isEqualTo("hod-in");
		assertThat(again.getHtmlElementById("password").getAttribute("value")).isEmpty();
	}

	@Test
	void theSkipLinkLeadsToTheMainContent() throws Exception {
		HtmlPage page = this.browser.getPage("http://localhost/");
		HtmlAnchor skip = (HtmlAnchor) page.querySelector("a.skip-link");
		assertThat(skip.getHrefAttribute()).isEqualTo("#main");
		assertThat(page.getHtmlElementById("main").getTagName()).isEqualTo("main");
	}

	/**
	 * A head of delegation whose factor was reset, as after losing a phone: the sign-in leads to
	 * the enrolment page, where the key is read off the page into an app, its code confirms it,
	 * and the recovery codes are shown once.
	 */
	@Test
	void aPersonWithoutAFactorEnrolsOneAtSignInAndGetsRecoveryCodes() throws Exception {
		this.jdbc.update("DELETE FROM recovery_code WHERE account_id = (SELECT id FROM account WHERE username = 'hod-gy')");
		this.jdbc.update("DELETE FROM second_factor WHERE account_id = (SELECT id FROM account WHERE username = 'hod-gy')");
		try {
			HtmlPage enrolment = submit(this.browser.getPage("http://localhost/login"), "hod-gy", SignIn.DEMO_PASSWORD);
			assertThat(enrolment.getUrl().getPath()).isEqualTo("/account/two-factor");
			assertThat(enrolment.querySelector("h1").getTextContent()).isEqualTo("Set up two-step sign-in");
			assertThat(enrolment.querySelector("img.qr-code").getAttributes().getNamedItem("alt").getNodeValue())
				.isNotBlank();
			String key = enrolment.querySelector("code.secret").getTextContent().strip();

			HtmlPage wrong = submitCode(enrolment, "/account/two-factor", "000000".equals(
					DemoAuthenticator.codeAt(key, Instant.now())) ? "111111" : "000000");
			assertThat(wrong.querySelector(".error-summary").asNormalizedText()).contains("That code does not match");
			assertThat(wrong.querySelector("code.secret").getTextContent().strip()).isEqualTo(key);

			HtmlPage codes = submitCode(wrong, "/account/two-factor", DemoAuthenticator.codeAt(key, Instant.now()));
			assertThat(codes.getUrl().getPath()).isEqualTo("/account/two-factor/recovery-codes");
			assertThat(codes.querySelectorAll(".recovery-codes li")).hasSize(10);
			HtmlPage home = ((HtmlAnchor) codes.querySelector("main a.button")).click();
			assertThat(home.getUrl().getPath()).isEqualTo("/home");
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM second_factor f JOIN account a ON a.id = f.account_id"
					+ " WHERE a.username = 'hod-gy'", Integer.class)).isEqualTo(1);
		}
		finally {
			this.jdbc.update("DELETE FROM recovery_code WHERE account_id = (SELECT id FROM account WHERE username = 'hod-gy')");
			this.jdbc.update("DELETE FROM second_factor WHERE account_id = (SELECT id FROM account WHERE username = 'hod-gy')");
			this.jdbc.update("INSERT INTO second_factor (account_id, secret, last_used_step, enrolled_at)"
					+ " SELECT a.id, f.secret, 0, f.enrolled_at FROM account a, second_factor f JOIN account b"
					+ " ON b.id = f.account_id AND b.username = 'hod-bw' WHERE a.username = 'hod-gy'");
		}
	}

	private static HtmlPage submitCode(HtmlPage page, String action, String code) throws Exception {
		HtmlForm form = page.getForms()
			.stream()
			.filter((candidate) -> candidate.getActionAttribute().endsWith(action))
			.findFirst()
			.orElseThrow();
		form.getInputByName("code").setValue(code);
		return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
	}

	private static HtmlPage submit(HtmlPage signIn, String username, String password) throws Exception {
		HtmlForm form = signIn.getForms()
			.stream()
			.filter((candidate) -> candidate.getActionAttribute().endsWith("/login"))
			.findFirst()
			.orElseThrow();
		form.getInputByName("username").setValue(username);
		form.getInputByName("password").setValue(password);
		return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
	}

}
