package org.kimberleyprocess.portal.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.Mailbox;
import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * An invitation goes to someone who is no reader yet: the mailer sends it all the same, in the
 * invited person's language, and keeps no copy of its link once sent. A notification to someone
 * who is no reader is still withdrawn.
 */
@PortalTest
class AccountEmailsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mailer mailer;

	@Test
	void anInvitationGoesToItsNotYetActiveRecipientInTheirLanguageAndIsNotKeptOnceSent() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String username = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc.perform(post("/organisations/bw/members").session(head)
			.with(csrf())
			.param("fullName", "Membre " + username)
			.param("email", username + "@example.org")
			.param("username", username)
			.param("role", "DELEGATE")
			.param("preferredLanguage", "fr")).andExpect(redirectedUrl("/organisations/bw/members"));
		String link = Mailbox.latestLink(this.jdbc, username, Mailbox.INVITATION);
		long id = this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
		// A notification queued for the same person, who is no reader yet: it must not go.
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at) VALUES (?, ?, 'fr', 'Not for an invitee', 'x', 'x', 'PENDING',
				    0, '2000-01-01', '2000-01-01')""", id, username + "@example.org");

		this.mailer.deliverDue();

		List<MimeMessage> received = Arrays.stream(TestMailServer.server().getReceivedMessages())
			.filter((message) -> sentTo(message, username + "@example.org"))
			.toList();
		assertThat(received).hasSize(1);
		MimeMessage invitation = received.get(0);
		assertThat(invitation.getSubject()).isEqualTo("Processus de Kimberley : votre invitation sur le portail, Botswana");
		assertThat(body(invitation)).contains("Kagiso Molefe (Botswana) vous invite", "Délégué(e)", username,
				"http://localhost:8080" + link);
		assertThat(this.jdbc.queryForList("SELECT status FROM outgoing_email WHERE account_id = ? ORDER BY id", String.class,
				id)).containsExactly("SENT", "WITHDRAWN");
		assertThat(this.jdbc.queryForObject("SELECT CONCAT(text_body, html_body) FROM outgoing_email"
				+ " WHERE account_id = ? AND purpose = 'INVITATION'", String.class, id)).isEmpty();
	}

	private static boolean sentTo(MimeMessage message, String address) {
		try {
			return message.getRecipients(Message.RecipientType.TO) != null && Arrays
				.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((to) -> to.toString().contains(address));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(Part part) throws Exception {
		if (part.isMimeType("text/*")) {
			return String.valueOf(part.getContent());
		}
		StringBuilder text = new StringBuilder();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(body(multipart.getBodyPart(i))).append('\n');
			}
		}
		return text.toString();
	}

}
