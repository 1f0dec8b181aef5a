package org.kimberleyprocess.portal.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class DocumentEditingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalClock clock;

	@Autowired
	DocumentRecords records;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aDiffShowsTheWordsRemovedAndAdded() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Diff test", "The Plenary met in Dubai.\n\nIt adopted nothing.\n");
		revise(chair, id, 1, "Diff test", "The Plenary met in Dubai.\n\nIt adopted the communiqué.\n")
			.andExpect(redirectedUrl("/documents/" + id));
		this.mvc.perform(get("/documents/{id}/diff", id).param("from", "1").param("to", "2").session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<del>nothing</del>"),
					containsString("<ins>the communiqué</ins>"), containsString("<span>It adopted </span>"))));
		this.mvc.perform(get("/documents/{id}/diff", id).param("from", "1").param("to", "2").param("view", "side")
			.session(chair)).andExpect(content().string(containsString("diff--side")));
	}

	@Test
	void aConcurrentEditIsRefusedWithTheLosersTextKeptAndTheChangesMeanwhileShown() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		MockHttpSession europeanUnion = SignIn.as(this.mvc, "hod-eu");
		long id = create(chair, "Conflict test", "Original paragraph.\n", "eu");
		this.mvc.perform(get("/documents/{id}/edit", id).session(europeanUnion)).andExpect(status().isOk());
		this.mvc.perform(get("/documents/{id}/edit", id).session(chair)).andExpect(status().isOk());

		revise(europeanUnion, id, 1, "Conflict test", "Original paragraph, amended by the European Union.\n")
			.andExpect(redirectedUrl("/documents/" + id));
		revise(chair, id, 1, "Conflict test", "The Chair's own careful rewording.\n")
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Someone else saved version 2"),
					containsString("The Chair&#39;s own careful rewording."), containsString("What changed meanwhile"),
					containsString("<ins>, amended by the European Union</ins>"),
					containsString("name=\"baseVersion\" value=\"2\""))));
		assertThat(versionCount(id)).isEqualTo(2);

		revise(chair, id, 2, "Conflict test", "The Chair's own careful rewording.\n")
			.andExpect(redirectedUrl("/documents/" + id));
		assertThat(versionCount(id)).isEqualTo(3);
	}

	@Test
	void anAcceptedSuggestionBecomesANewVersionCreditingItsProposer() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Suggestion test", "First paragraph.\n\nSecond paragraph.\n");
		circulate(chair, id);
		String anchor = anchorOf(id, "Second paragraph.");
		MockHttpSession india = SignIn.as(this.mvc, "hod-in");
		this.mvc.perform(get("/documents/{id}/suggestions/new", id).param("block", anchor).session(india))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Second paragraph.")));
		this.mvc.perform(post("/documents/{id}/suggestions", id).session(india)
			.with(csrf())
			.param("blockAnchor", anchor)
			.param("proposed", "Second paragraph, as India proposes.")
			.param("explanation", "Clearer.")).andExpect(redirectedUrlPattern("/documents/" + id + "?on=*#*"));
		long suggestion = this.jdbc.queryForObject("SELECT id FROM document_suggestion WHERE document_id = ?",
				Long.class, id);

		this.mvc.perform(post("/documents/{id}/suggestions/{s}/accept", id, suggestion).session(india).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/documents/{id}/suggestions/{s}/accept", id, suggestion).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));

		this.mvc.perform(get("/documents/{id}", id).session(india))
			.andExpect(content().string(allOf(containsString("Second paragraph, as India proposes."),
					containsString("proposed by Arjun Mehta (India)"), containsString("accepted into version 2"))));
		this.mvc.perform(post("/documents/{id}/suggestions/{s}/accept", id, suggestion).session(chair).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));
		assertThat(versionCount(id)).isEqualTo(2);
	}

	@Test
	void scriptsHandlersJavascriptLinksAndSvgRenderInertInTextsAndComments() throws Exception {
		String corpus = """
				<script>alert('x')</script>

				<img src=x onerror="alert('x')">

				[click me](javascript:alert('x'))

				<svg onload="alert('x')"><circle/></svg>

				<a href="javascript:alert('x')" onclick="alert('x')">link</a>

				<iframe src="https://evil.example"></iframe>

				[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

				<style>body{display:none}</style>

				**unclosed *emphasis [link](

				| broken | table
				|---
				| <b onmouseover=alert(1)>x</b> |
				""";
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "XSS <script>alert(1)</script>", corpus);
		circulate(chair, id);
		this.mvc.perform(post("/documents/{id}/comments", id).session(chair).with(csrf()).param("text", corpus))
			.andExpect(redirectedUrlPattern("/documents/" + id + "?on=*#comment-*"));
		String page = this.mvc.perform(get("/documents/{id}", id).session(chair))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		assertThat(html.select("script")).as("only the portal's own script").hasSize(1);
		assertThat(html.select("script").attr("src")).matches("/js/portal-[0-9a-f]{32}\\.js");
		assertThat(html.select("svg, iframe, style, img, object, embed, circle")).isEmpty();
		for (org.jsoup.nodes.Element element : html.getAllElements()) {
			for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey()).as("event handler on <" + element.tagName() + ">").doesNotStartWith("on");
				if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
					assertThat(attribute.getValue().toLowerCase()).doesNotStartWith("javascript:").doesNotStartWith("data:");
				}
			}
		}
		assertThat(html.select("article.document-text").text()).contains("<script>alert('x')</script>");
		assertThat(html.select("article.comment .comment-body").text()).contains("<svg onload=");
	}

	@Test
	void badInputComesBackOnTheFormWithTheTextKept() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String longTitle = "T".repeat(301);
		this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", longTitle)
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "twenty")
			.param("confidentiality", "PLENARY")
			.param("text", "A text that must not be lost."))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("The title is too long"), containsString("Enter the year as four digits"),
					containsString("A text that must not be lost."))));
		this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", "Tampered")
			.param("type", "NOT_A_TYPE")
			.param("body", "99999")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "Kept."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")));
		MockHttpSession delegate = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(post("/documents").session(delegate)
			.with(csrf())
			.param("title", "Not mine to start")
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", "Kept."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You may start documents only")));
	}

	@Test
	void aCommentOnAPassageTheTextDoesNotHaveComesBackWithTheMessageAndTheTextTyped() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Passage test", "One.\n\nTwo.\n");
		circulate(chair, id);
		this.mvc.perform(post("/documents/{id}/comments", id).session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("blockAnchor", "b-not-a-passage")
			.param("text", "My carefully typed remark."))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("That passage is not in the current version."),
					containsString("My carefully typed remark."))));
		this.mvc.perform(get("/documents/{id}", id).param("on", "b-not-a-passage").session(chair))
			.andExpect(status().isNotFound());
	}

	@Test
	void commentsAreEditableForFifteenMinutesDeletedAsTombstonesAndHiddenByTheChairWithAReason() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Comment test", "A paragraph.\n");
		circulate(chair, id);
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		long first = comment(botswana, id, "First thoughts.");
		this.mvc.perform(post("/documents/{id}/comments/{c}/edit", id, first).session(botswana)
			.with(csrf())
			.param("text", "Second thoughts.")).andExpect(redirectedUrlPattern("/documents/" + id + "?on=*#comment-*"));
		Instant now = this.clock.instant();
		try {
			this.clock.travelTo(now.plus(Duration.ofMinutes(16)));
			this.mvc.perform(post("/documents/{id}/comments/{c}/edit", id, first).session(botswana)
				.with(csrf())
				.param("text", "Too late."))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("can no longer be changed")));
		}
		finally {
			this.clock.travelTo(now);
		}
		long second = comment(botswana, id, "Words to be withdrawn.");
		this.mvc.perform(post("/documents/{id}/comments/{c}/delete", id, second).session(botswana).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long third = comment(SignIn.as(this.mvc, "wdc"), id, "Off-topic remark.");
		this.mvc.perform(post("/documents/{id}/comments/{c}/hide", id, third).session(botswana)
			.with(csrf())
			.param("reason", "No")).andExpect(status().isForbidden());
		this.mvc.perform(post("/documents/{id}/comments/{c}/hide", id, third).session(chair)
			.with(csrf())
			.param("reason", "Outside the scope of this text")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/documents/{id}", id).session(botswana))
			.andExpect(content().string(allOf(containsString("Second thoughts."), containsString("(edited)"),
					not(containsString("Words to be withdrawn.")), containsString("deleted by its author"),
					not(containsString("Off-topic remark.")),
					containsString("Hidden by Layla Al Mansouri (Chair’s office): Outside the scope of this text"),
					containsString("World Diamond Council"), containsString("Observer"),
					containsString("id=\"reply-" + first + "\""))));
	}

	@Test
	void aClosedDocumentRefusesCommentsOnTheForm() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Closed test", "A paragraph.\n");
		circulate(chair, id);
		this.mvc.perform(post("/documents/{id}/comments-closed", id).session(chair).with(csrf()).param("closed", "true"))
			.andExpect(redirectedUrl("/documents/" + id));
		this.mvc.perform(post("/documents/{id}/comments", id).session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("text", "Can I still comment?"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This document is not open for comments.")));
	}

	@Test
	void aReaderIsToldWhatChangedSinceTheVersionTheyLastRead() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Reading test", "Before.\n");
		circulate(chair, id);
		MockHttpSession reader = SignIn.as(this.mvc, "hod-au");
		this.mvc.perform(get("/documents/{id}", id).session(reader))
			.andExpect(content().string(not(containsString("See what changed"))));
		revise(chair, id, 1, "Reading test", "After.\n").andExpect(redirectedUrl("/documents/" + id));
		this.mvc.perform(get("/documents/{id}", id).session(reader))
			.andExpect(content().string(allOf(containsString("since you last read version 1"),
					containsString("/documents/" + id + "/diff?from=1&amp;to=2"))));
		this.mvc.perform(get("/documents/{id}", id).session(reader))
			.andExpect(content().string(not(containsString("See what changed"))));
	}

	@Test
	void theDocumentPageCostsTheSameWithTenAndWithFiveHundredComments() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Load test", "# Heading\n\nOne.\n\nTwo.\n\n- three\n- four\n");
		circulate(chair, id);
		addComments(id, 10);
		statementsFor(id, chair);
		long ten = statementsFor(id, chair);
		addComments(id, 490);
		long fiveHundred = statementsFor(id, chair);
		assertThat(fiveHundred).isEqualTo(ten).isLessThanOrEqualTo(20);
		// Once read, the page of the discussion is kept until its revision changes: the next
		// visit reads the document and what is the reader's own, not the comments again.
		this.mvc.perform(get("/documents/{id}", id).session(chair)).andExpect(status().isOk());
		SqlStatementCounter.reset();
		this.mvc.perform(get("/documents/{id}", id).session(chair)).andExpect(status().isOk());
		assertThat(SqlStatementCounter.count()).isLessThanOrEqualTo(fiveHundred - 3);
	}

	@Test
	void aDiscussionRenderedOnceForReadersWithTheSameRightsKeepsEachReadersTokenLanguageAndActions() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long id = create(chair, "Shared discussion test", "A paragraph.\n");
		circulate(chair, id);
		long observed = comment(SignIn.as(this.mvc, "wdc"), id, "The observers' view.");
		String delete = "/documents/" + id + "/comments/" + observed + "/delete";
		String hide = "/documents/" + id + "/comments/" + observed + "/hide";
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		MockHttpSession australia = SignIn.as(this.mvc, "hod-au");
		String first = page(botswana, id);
		String second = page(australia, id);
		assertThat(second).contains("The observers&#39; view.").doesNotContain(delete).doesNotContain(hide);
		// Each reader's reply form carries their own anti-forgery token, which the portal accepts.
		String botswanaToken = replyToken(first, observed);
		String australiaToken = replyToken(second, observed);
		assertThat(australiaToken).isNotEqualTo(botswanaToken);
		this.mvc.perform(post("/documents/{id}/comments", id).session(australia)
			.param("_csrf", australiaToken)
			.param("parentId", Long.toString(observed))
			.param("text", "A reply with a token of my own."))
			.andExpect(redirectedUrlPattern("/documents/" + id + "?on=*#comment-*"));
		// The author sees their own actions, the Chair's office its moderation; neither leaks to the others.
		assertThat(page(SignIn.as(this.mvc, "wdc"), id)).contains(delete).doesNotContain(hide);
		assertThat(page(chair, id)).contains(hide);
		assertThat(page(botswana, id)).contains("A reply with a token of my own.").doesNotContain(delete).doesNotContain(hide);
		assertThat(this.mvc.perform(get("/documents/{id}", id).session(botswana).cookie(new jakarta.servlet.http.Cookie("kp-lang", "fr")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Commentaires et propositions de modification");
		// A comment written through another node reaches this one's next page at once.
		addComments(id, 1);
		assertThat(page(botswana, id)).contains("<p>Comment 1</p>");
	}

	private String page(MockHttpSession session, long id) throws Exception {
		return this.mvc.perform(get("/documents/{id}", id).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String replyToken(String page, long commentId) {
		java.util.regex.Matcher form = java.util.regex.Pattern
			.compile("name=\"_csrf\" value=\"([^\"]+)\"[^<]*/?>\\s*<input type=\"hidden\" name=\"parentId\" value=\""
					+ commentId + "\"")
			.matcher(page);
		assertThat(form.find()).as("a reply form to comment %d", commentId).isTrue();
		return form.group(1);
	}

	@Test
	void officialNumbersStayUniqueAndGapFreeWhenAdoptionsRace() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		String body = "Race-" + UUID.randomUUID().toString().substring(0, 6);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(create(chair, body + " " + i, "Text " + i + ".\n"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> numbers = new ArrayList<>();
			for (long id : ids) {
				Callable<String> adopt = () -> this.transactions
					.execute((status) -> this.records.assignOfficialNumber(id, body));
				numbers.add(pool.submit(adopt));
			}
			Set<String> assigned = new java.util.TreeSet<>();
			for (Future<String> number : numbers) {
				assigned.add(number.get());
			}
			Set<String> expected = new java.util.TreeSet<>();
			for (int n = 1; n <= 8; n++) {
				expected.add("KP/2016/" + body + "/Decision " + n);
			}
			assertThat(assigned).isEqualTo(expected);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void addComments(long id, int count) {
		this.jdbc.update("""
				INSERT INTO document_comment (document_id, version_number, block_anchor, author_id, author_name,
				  organisation_en, organisation_fr, organisation_kind, markdown, html, created_at)
				SELECT ?, 1, NULL, a.id, a.full_name, 'Botswana', 'Botswana', 'PARTICIPANT', CONCAT('Comment ', s.seq),
				  CONCAT('<p>Comment ', s.seq, '</p>'), NOW(6)
				FROM account a CROSS JOIN seq_1_to_%d s WHERE a.username = 'hod-bw'""".formatted(count), id);
		this.jdbc.update("UPDATE document SET discussion_revision = discussion_revision + 1 WHERE id = ?", id);
	}

	/**
	 * The page as a later visit costs it: a visit before may also move the reading mark, store the
	 * session's CSRF token or take a flash message of the forms before it.
	 */
	private long statementsFor(long id, MockHttpSession session) throws Exception {
		this.mvc.perform(get("/documents/{id}", id).session(session)).andExpect(status().isOk());
		// As if the discussion had just changed: the page reads it afresh.
		this.jdbc.update("UPDATE document SET discussion_revision = discussion_revision + 1 WHERE id = ?", id);
		SqlStatementCounter.reset();
		this.mvc.perform(get("/documents/{id}", id).session(session)).andExpect(status().isOk());
		return SqlStatementCounter.count();
	}

	private long create(MockHttpSession session, String title, String text, String... coEditors) throws Exception {
		var request = post("/documents").session(session)
			.with(csrf())
			.param("title", title)
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", text);
		for (String code : coEditors) {
			request.param("coEditors", this.jdbc
				.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code)
				.toString());
		}
		MvcResult result = this.mvc.perform(request).andExpect(redirectedUrlPattern("/documents/*")).andReturn();
		return Long.parseLong(result.getResponse().getRedirectedUrl().substring("/documents/".length()));
	}

	private void circulate(MockHttpSession session, long id) throws Exception {
		this.mvc.perform(post("/documents/{id}/circulate", id).session(session).with(csrf()))
			.andExpect(redirectedUrl("/documents/" + id));
	}

	private org.springframework.test.web.servlet.ResultActions revise(MockHttpSession session, long id, int base,
			String title, String text) throws Exception {
		return this.mvc.perform(post("/documents/{id}/edit", id).session(session)
			.with(csrf())
			.param("title", title)
			.param("text", text)
			.param("baseVersion", Integer.toString(base)));
	}

	private long comment(MockHttpSession session, long id, String text) throws Exception {
		MvcResult result = this.mvc.perform(post("/documents/{id}/comments", id).session(session).with(csrf()).param("text", text))
			.andExpect(redirectedUrlPattern("/documents/" + id + "?on=*#comment-*"))
			.andReturn();
		String url = result.getResponse().getRedirectedUrl();
		return Long.parseLong(url.substring(url.indexOf("#comment-") + "#comment-".length()));
	}

	private String anchorOf(long id, String source) {
		return this.jdbc.queryForObject("""
				SELECT b.anchor FROM document_block b JOIN document_version v ON v.id = b.version_id
				JOIN document d ON d.id = v.document_id AND d.current_version = v.number
				WHERE d.id = ? AND b.source = ?""", String.class, id, source);
	}

	private int versionCount(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM document_version WHERE document_id = ?", Integer.class,
				id);
	}

}
