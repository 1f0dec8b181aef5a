package org.kimberleyprocess.portal.web;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
	}

	@Test
	void aHeadOfDelegationSignsInThroughTheFormAndSeesTheirDelegation() throws Exception {
		HtmlPage welcome = this.browser.getPage("http://localhost/");
		HtmlPage signIn = welcome.getAnchorByHref("/login").click();
		assertThat(signIn.getTitleText()).startsWith("Sign in");

		HtmlPage home = submit(signIn, "hod-bw", SignIn.DEMO_PASSWORD);
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
