package org.kimberleyprocess.portal.web;

import java.time.Duration;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * What an invited person does in a browser: open the emailed link, choose a password, sign in;
 * and what someone who forgot their password does: follow the sign-in page's link, ask for a link,
 * open it, choose a new password, sign in again.
 */
@PortalTest
class BrowserInvitationTest {

	@Autowired
	WebClient browser;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		this.browser.getCookieManager().clearCookies();
	}

	@Test
	void anInvitedPersonOpensTheLinkChoosesAPasswordAndSignsIn() throws Exception {
		String username = invited();
		HtmlPage invitation = this.browser.getPage("http://localhost" + Mailbox.latestLink(this.jdbc, username,
				Mailbox.INVITATION));
		assertThat(invitation.querySelector("h1").getTextContent()).isEqualTo("Welcome, Newcomer " + username);
		assertThat(invitation.asNormalizedText()).contains("Kagiso Molefe (Botswana) invites you", "Delegate", username);

		HtmlPage mismatch = choose(invitation, "/invitations/accept", "Granite-Harbour-Lantern-7", "Granite-Harbour-Lantern-8");
		assertThat(mismatch.querySelector(".error-summary").asNormalizedText()).contains("There is a problem",
				"The two new passwords are not the same.");
		assertThat(mismatch.getHtmlElementById("newPassword").getAttribute("value")).isEmpty();

		HtmlPage signIn = choose(mismatch, "/invitations/accept", "Granite-Harbour-Lantern-7", "Granite-Harbour-Lantern-7");
		assertThat(signIn.getUrl().getPath()).isEqualTo("/login");
		assertThat(signIn.asNormalizedText()).contains("Your account is ready");
		HtmlPage home = signIn(signIn, username, "Granite-Harbour-Lantern-7");
		assertThat(home.getUrl().getPath()).isEqualTo("/home");
		assertThat(home.asNormalizedText()).contains("Newcomer " + username, "Botswana", "Delegate");
	}

	@Test
	void someoneWhoForgotTheirPasswordAsksForALinkAndChoosesANewOne() throws Exception {
		String username = invited();
		this.mvc.perform(post("/invitations/accept").with(csrf())
			.param("token", Mailbox.token(Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION)))
			.param("newPassword", "Granite-Harbour-Lantern-7")
			.param("confirmation", "Granite-Harbour-Lantern-7")).andExpect(redirectedUrl("/login?welcome"));

		HtmlPage signIn = this.browser.getPage("http://localhost/login");
		HtmlPage forgotten = ((HtmlAnchor) signIn.querySelector("a[href='/password-reset']")).click();
		assertThat(forgotten.querySelector("h1").getTextContent()).isEqualTo("Forgotten your password?");
		HtmlForm form = formFor(forgotten, "/password-reset");
		form.getInputByName("usernameOrEmail").setValue(username);
		HtmlPage sent = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
		assertThat(sent.asNormalizedText()).contains("If an account matches what you entered");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Mailbox.count(this.jdbc, username, Mailbox.PASSWORD_RESET) == 1);
		HtmlPage reset = this.browser.getPage("http://localhost" + Mailbox.latestLink(this.jdbc, username,
				Mailbox.PASSWORD_RESET));
		assertThat(reset.querySelector("h1").getTextContent()).isEqualTo("Choose a new password");
		HtmlPage again = choose(reset, "/password-reset/choose", "Polished-Stones-2016", "Polished-Stones-2016");
		assertThat(again.getUrl().getPath()).isEqualTo("/login");
		assertThat(again.asNormalizedText()).contains("Your password has been changed");
		assertThat(signIn(again, username, "Polished-Stones-2016").getUrl().getPath()).isEqualTo("/home");
	}

	/** A delegate of Botswana, invited by its head. */
	private String invited() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc.perform(post("/organisations/bw/members").session(head)
			.with(csrf())
			.param("fullName", "Newcomer " + username)
			.param("email", username + "@example.org")
			.param("username", username)
			.param("role", "DELEGATE")
			.param("preferredLanguage", "en")).andExpect(redirectedUrl("/organisations/bw/members"));
		return username;
	}

	private static HtmlPage choose(HtmlPage page, String action, String password, String confirmation)
			throws Exception {
		HtmlForm form = formFor(page, action);
		form.getInputByName("newPassword").setValue(password);
		form.getInputByName("confirmation").setValue(confirmation);
		return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
	}

	private static HtmlPage signIn(HtmlPage page, String username, String password) throws Exception {
		HtmlForm form = formFor(page, "/login");
		form.getInputByName("username").setValue(username);
		form.getInputByName("password").setValue(password);
		return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
	}

	private static HtmlForm formFor(HtmlPage page, String action) {
		return page.getForms()
			.stream()
			.filter((candidate) -> candidate.getActionAttribute().endsWith(action))
			.findFirst()
			.orElseThrow();
	}

}
