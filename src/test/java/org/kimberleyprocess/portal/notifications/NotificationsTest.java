package org.kimberleyprocess.portal.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.TestMailServer;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.Position;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.Discussion;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class NotificationsTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mailer mailer;

	@Autowired
	Digests digests;

	@Autowired
	Reminders reminders;

	@Autowired
	Resubmission resubmission;

	@Autowired
	PortalClock clock;

	@Autowired
	DocumentLifecycle lifecycle;
	@Autowired
	Discussion discussion;
	@Autowired
	Drafting drafting;

	@Autowired
	ConsensusService consensus;

	@Autowired
	Readers readers;

	@Autowired
	AccountDirectory accounts;

	@Test
	void aReplyReachesTheInboxAndTheMailServerInTheRecipientsLanguage() throws Exception {
		long document = documentId("Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué");
		int botswanaBefore = count("hod-bw", "COMMENT_REPLY");
		int coalitionBefore = count("csc", "COMMENT_REPLY");
		long botswana = comment("hod-bw", document, "Botswana asks about paragraph 4.", null);
		long coalition = comment("csc", document, "La Coalition soutient le paragraphe 4.", null);
		long reply = comment("hod-in", document, "India answers Botswana.", botswana);
		comment("hod-in", document, "India answers the Coalition.", coalition);
		awaitNotification("hod-bw", "COMMENT_REPLY", botswanaBefore, 1);
		awaitNotification("csc", "COMMENT_REPLY", coalitionBefore, 1);
		this.mailer.deliverDue();

		MimeMessage english = lastMailTo("hod-bw@delegations.example", "India answers");
		assertThat(english).isNull();
		english = lastMailTo("hod-bw@delegations.example", "replied to your comment");
		MimeMessage french = lastMailTo("csc@observers.example", "a répondu à votre commentaire");
		assertThat(english.getSubject()).startsWith("Kimberley Process: ").contains("replied to your comment");
		assertThat(text(english)).contains("Dear Kagiso Molefe,").contains("replied to your comment on");
		assertThat(text(french)).contains("a répondu à votre commentaire sur");
		assertThat(french.getSubject()).startsWith("Processus de Kimberley : ");

		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/notifications").session(session))
			.andExpect(content().string(allOf(containsString("unread)"), containsString("replied to your comment on"))));
		this.mvc.perform(get("/notifications").param("type", "DOCUMENT_ADOPTED").param("unread", "true").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("replied to your comment on"))));
		long id = this.jdbc.queryForObject("SELECT n.id FROM notification n JOIN account a ON a.id = n.account_id"
				+ " WHERE a.username = 'hod-bw' AND n.type = 'COMMENT_REPLY' ORDER BY n.id DESC LIMIT 1", Long.class);
		this.mvc.perform(post("/notifications/{id}/open", id).session(session).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + document + "/comments/" + reply));
		assertThat(this.jdbc.queryForObject("SELECT read_at IS NOT NULL FROM notification WHERE id = ?", Boolean.class, id))
			.isTrue();
		this.mvc.perform(post("/notifications/{id}/open", id).session(SignIn.as(this.mvc, "hod-in")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void preferencesDecideWhetherEmailIsSent() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "alt-bw");
		this.mvc.perform(post("/notifications/settings").session(session).with(csrf()).param("COMMENT_REPLY", "LOUDLY"))
			.andExpect(redirectedUrl("/notifications/settings"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM notification_preference p JOIN account a"
				+ " ON a.id = p.account_id WHERE a.username = 'alt-bw'", Integer.class)).isZero();
		this.mvc.perform(post("/notifications/settings").session(session).with(csrf()).param("COMMENT_REPLY", "OFF"))
			.andExpect(redirectedUrl("/notifications/settings"));
		String settings = this.mvc.perform(get("/notifications/settings").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(settings).selectFirst("#COMMENT_REPLY-OFF").hasAttr("checked")).isTrue();
		assertThat(org.jsoup.Jsoup.parse(settings).selectFirst("#COMMENT_REPLY-IMMEDIATE").hasAttr("checked")).isFalse();
		long document = documentId("Decision on a consistent methodology for the valuation of rough diamonds");
		int before = count("alt-bw", "COMMENT_REPLY");
		long mine = comment("alt-bw", document, "Botswana's alternate asks about valuation.", null);
		comment("hod-in", document, "India answers the alternate.", mine);
		awaitNotification("alt-bw", "COMMENT_REPLY", before, 1);
		this.mailer.deliverDue();
		assertThat(lastMailTo("alt-bw@delegations.example", "replied to your comment")).isNull();
	}

	@Test
	void theDigestGroupsADaysEventsInOneEmail() throws Exception {
		Reader chair = this.readers.of(this.accounts.findForSignIn("chair").orElseThrow());
		long first = draft(chair, "# Draft decision on statistics for the digest\n\n1. Decides.\n");
		long second = draft(chair, "# Draft decision on footprints for the digest\n\n1. Decides.\n");
		int before = count("wdc", "DOCUMENT_CIRCULATED");
		this.lifecycle.circulate(chair, first);
		this.lifecycle.circulate(chair, second);
		awaitNotification("wdc", "DOCUMENT_CIRCULATED", before, 2);
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(LocalDateTime.ofInstant(now, ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(6, 0)
				.toInstant(ZoneOffset.UTC));
			this.digests.send();
			this.mailer.deliverDue();
		}
		finally {
			this.clock.travelTo(now);
		}
		MimeMessage digest = lastMailTo("wdc@observers.example", "notifications of the day");
		assertThat(digest).isNotNull();
		String body = text(digest);
		assertThat(body).contains("Draft decision on statistics for the digest")
			.contains("Draft decision on footprints for the digest");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id"
				+ " WHERE a.username = 'wdc' AND n.type = 'DOCUMENT_CIRCULATED' AND n.digested_at IS NOT NULL"
				+ " AND n.link IN (?, ?)", Integer.class, "/documents/" + first, "/documents/" + second))
			.isEqualTo(2);
	}

	@Test
	void remindersGoOnlyToSilentDelegationsOncePerReminder() throws Exception {
		Reader chair = this.readers.of(this.accounts.findForSignIn("chair").orElseThrow());
		long document = draft(chair, "# Draft decision for the reminders\n\n1. Decides.\n");
		this.lifecycle.circulate(chair, document);
		Instant now = this.clock.instant();
		long round = this.consensus.open(chair, document, RoundKind.WRITTEN,
				LocalDateTime.ofInstant(now.plus(Duration.ofHours(30)), ZoneOffset.UTC), "UTC");
		Reader botswana = this.readers.of(this.accounts.findForSignIn("hod-bw").orElseThrow());
		this.consensus.record(botswana, document, round, botswana.organisationId(), Position.JOIN, null);
		this.reminders.remind();
		this.reminders.remind();
		assertThat(reminders("hod-in", document)).isEqualTo(1);
		assertThat(reminders("hod-bw", document)).isZero();
		assertThat(reminders("alt-bw", document)).isZero();
		try {
			this.clock.travelTo(now.plus(Duration.ofHours(7)));
			this.reminders.remind();
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(reminders("hod-in", document)).isEqualTo(2);
		assertThat(reminders("hod-bw", document)).isZero();
	}

	@Test
	void anEventWhoseListenerFailedIsDeliveredAfterResubmission() throws Exception {
		long document = documentId("Decision on a consistent methodology for the valuation of rough diamonds");
		long question = comment("hod-au", document, "Australia asks a question on valuation.", null);
		this.jdbc.execute("RENAME TABLE notification TO notification_unavailable");
		long answer;
		try {
			org.kimberleyprocess.portal.documents.DocumentForms.NewComment reply = new org.kimberleyprocess.portal.documents.DocumentForms.NewComment();
			reply.setText("India answers Australia while notifications are down.");
			reply.setParentId(question);
			answer = this.discussion.comment(this.readers.of(this.accounts.findForSignIn("hod-in").orElseThrow()), document,
					reply);
			await().atMost(WAIT).until(() -> this.jdbc.queryForObject("""
					SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND STATUS = 'FAILED'
					AND EVENT_TYPE LIKE '%CommentPosted' AND SERIALIZED_EVENT LIKE ?""", Integer.class,
					"%\"commentId\":" + answer + "%") == 1);
		}
		finally {
			this.jdbc.execute("RENAME TABLE notification_unavailable TO notification");
		}
		assertThat(count("hod-au", "COMMENT_REPLY")).isZero();
		this.resubmission.resubmit(Duration.ZERO);
		awaitNotification("hod-au", "COMMENT_REPLY", 0, 1);
		await().atMost(WAIT).until(() -> this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NOT NULL
				AND EVENT_TYPE LIKE '%CommentPosted' AND SERIALIZED_EVENT LIKE ?""", Integer.class,
				"%\"commentId\":" + answer + "%") == 1);
	}

	@Test
	void emailThatKeepsFailingIsRetriedWithBackoffThenShownToAdministrators() throws Exception {
		long account = this.jdbc.queryForObject("SELECT id FROM account WHERE username = 'hod-gh'", Long.class);
		Instant now = this.clock.instant();
		this.jdbc.update("""
				INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
				    attempts, next_attempt_at, created_at) VALUES (?, 'not an address', 'en', 'Undeliverable', 'x', '<p>x</p>',
				    'PENDING', 0, ?, ?)""", account, LocalDateTime.ofInstant(now, ZoneOffset.UTC),
				LocalDateTime.ofInstant(now, ZoneOffset.UTC));
		long id = this.jdbc.queryForObject("SELECT MAX(id) FROM outgoing_email WHERE subject = 'Undeliverable'", Long.class);
		try {
			Instant at = now;
			for (int attempt = 1; attempt <= 6; attempt++) {
				this.clock.travelTo(at);
				this.mailer.deliverDue();
				int attempts = this.jdbc.queryForObject("SELECT attempts FROM outgoing_email WHERE id = ?", Integer.class, id);
				assertThat(attempts).isEqualTo(attempt);
				if (attempt <= Mailer.BACKOFF.size()) {
					LocalDateTime next = this.jdbc.queryForObject("SELECT next_attempt_at FROM outgoing_email WHERE id = ?",
							LocalDateTime.class, id);
					assertThat(next).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC)
						.plus(Mailer.BACKOFF.get(attempt - 1))
						.withNano(next.getNano()));
					this.clock.travelTo(at.plus(Mailer.BACKOFF.get(attempt - 1)).minusSeconds(1));
					this.mailer.deliverDue();
					assertThat(this.jdbc.queryForObject("SELECT attempts FROM outgoing_email WHERE id = ?", Integer.class, id))
						.isEqualTo(attempt);
					at = at.plus(Mailer.BACKOFF.get(attempt - 1)).plusSeconds(1);
				}
			}
		}
		finally {
			this.clock.travelTo(now);
		}
		assertThat(this.jdbc.queryForObject("SELECT status FROM outgoing_email WHERE id = ?", String.class, id))
			.isEqualTo("FAILED");
		this.mvc.perform(get("/admin/emails").session(SignIn.as(this.mvc, "chair"))).andExpect(status().isForbidden());
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(get("/admin/emails").session(admin))
			.andExpect(content().string(allOf(containsString("not an address"), containsString("Given up after 6 attempts"),
					// The subject names what the email is about, which an administrator may not be able to open.
					not(containsString("Undeliverable")))));
		this.mvc.perform(post("/admin/emails/{id}/retry", id).session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/emails"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM outgoing_email WHERE id = ?", String.class, id))
			.isEqualTo("PENDING");
		this.jdbc.update("UPDATE outgoing_email SET status = 'FAILED' WHERE id = ?", id);
	}

	@Test
	void anEmailAboutWhatItsRecipientMayNoLongerOpenIsWithdrawnNotSent() throws Exception {
		long paper = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				"Chair's notes on the proposal for a permanent secretariat");
		Instant now = this.clock.instant();
		LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
		for (String username : List.of("chair", "chair-au")) {
			this.jdbc.update("""
					INSERT INTO outgoing_email (account_id, recipient, language, subject, text_body, html_body, status,
					    attempts, next_attempt_at, created_at, about_links)
					SELECT id, email, 'en', CONCAT('Queued for ', username), 'x', '<p>x</p>', 'PENDING', 0, ?, ?, ?
					FROM account WHERE username = ?""", at, at, "/documents/" + paper, username);
		}
		this.mailer.deliverDue();
		assertThat(this.jdbc.queryForList(
				"SELECT status FROM outgoing_email WHERE subject IN ('Queued for chair', 'Queued for chair-au') ORDER BY subject",
				String.class))
			.containsExactly("SENT", "WITHDRAWN");
		String chairAu = this.jdbc.queryForObject("SELECT email FROM account WHERE username = 'chair-au'", String.class);
		assertThat(lastMailTo(chairAu, "Queued for chair-au")).isNull();
	}

	private long comment(String username, long document, String text, Long parent) throws Exception {
		var request = post("/documents/{id}/comments", document).session(SignIn.as(this.mvc, username))
			.with(csrf())
			.param("text", text);
		if (parent != null) {
			request = request.param("parentId", String.valueOf(parent));
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
		return lastCommentOf(username, document);
	}

	private long lastCommentOf(String username, long document) {
		return this.jdbc.queryForObject("SELECT MAX(c.id) FROM document_comment c JOIN account a ON a.id = c.author_id"
				+ " WHERE a.username = ? AND c.document_id = ?", Long.class, username, document);
	}

	private long draft(Reader chair, String text) {
		NewDocument form = new NewDocument();
		form.setType(DocumentType.DECISION);
		form.setBody("PLENARY");
		form.setYear(2016);
		form.setConfidentiality(Confidentiality.PLENARY);
		form.setText(text);
		form.setTitle(text.lines().findFirst().orElseThrow().substring(2));
		form.setCoEditors(Set.of());
		return this.drafting.create(chair, form);
	}

	private int reminders(String username, long document) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id"
				+ " WHERE a.username = ? AND n.type = 'DEADLINE_REMINDER' AND n.link = ?", Integer.class, username,
				"/documents/" + document + "/consensus");
	}

	private int count(String username, String type) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id"
				+ " WHERE a.username = ? AND n.type = ?", Integer.class, username, type);
	}

	private void awaitNotification(String username, String type, int before, int more) {
		await().atMost(WAIT).until(() -> count(username, type) >= before + more);
	}

	private long documentId(String title) {
		return this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class, title);
	}

	/** The plain-text part of a message, decoded. */
	private static String text(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	private static MimeMessage lastMailTo(String address, String subjectPart) throws Exception {
		List<MimeMessage> matching = Arrays.stream(TestMailServer.server().getReceivedMessages())
			.filter((message) -> {
				try {
					return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
						.anyMatch((to) -> to.toString().contains(address))
							&& message.getSubject().contains(subjectPart);
				}
				catch (Exception ex) {
					return false;
				}
			})
			.toList();
		return matching.isEmpty() ? null : matching.get(matching.size() - 1);
	}

}
