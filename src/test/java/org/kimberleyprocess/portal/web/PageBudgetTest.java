package org.kimberleyprocess.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages delegates use most, measured before and after the data grows a hundredfold where it
 * grows in real use (comments on one text, documents, search hits, notifications): each costs
 * the same small number of SQL statements, writes nothing when read, and stays under 60 KB of
 * HTML.
 */
@PortalTest
class PageBudgetTest {

	/** The most SQL statements any of these pages may send, the session check included. */
	static final int STATEMENT_BUDGET = 13;

	/**
	 * The home page's: it lists what awaits the person from every module (rounds, documents,
	 * replies, meetings, review visits, annual reports, statistics, notifications), each read
	 * once, in at most two statements.
	 */
	static final int HOME_BUDGET = 26;

	static final int HTML_BUDGET = 60 * 1024;

	/** Rows this test adds carry this mark, so they are removed afterwards. */
	static final String MARK = "budget-probe";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void eachPageCostsTheSameFewStatementsWritesNothingAndStaysUnderSixtyKilobytesHoweverMuchDataThereIs()
			throws Exception {
		MockHttpSession delegate = SignIn.as(this.mvc, "hod-bw");
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		long text = document(chair);
		String anchor = this.jdbc.queryForObject("""
				SELECT b.anchor FROM document_block b JOIN document_version v ON v.id = b.version_id
				WHERE v.document_id = ? ORDER BY b.position LIMIT 1""", String.class, text);
		long communique = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ? ORDER BY id LIMIT 1",
				Long.class, RouteAccessMatrixTest.DOCUMENTS.get("communique"));
		String slug = this.jdbc.queryForObject("SELECT slug FROM communique ORDER BY id LIMIT 1", String.class);
		Map<String, MockHttpSession> pages = new LinkedHashMap<>();
		pages.put("/", null);
		pages.put("/home", delegate);
		pages.put("/documents", delegate);
		pages.put("/documents/" + text, delegate);
		pages.put("/documents/" + text + "?on=" + anchor, delegate);
		pages.put("/documents/" + communique + "/consensus", delegate);
		pages.put("/consensus", delegate);
		pages.put("/search?q=valuation", delegate);
		pages.put("/notifications", delegate);
		pages.put("/communiques/" + slug, null);
		pages.put("/participants", delegate);

		addComments(text, anchor, 10);
		addDocuments(30);
		Map<String, Cost> small = costs(pages);
		addComments(text, anchor, 990);
		addDocuments(300);
		addNotifications(1000);
		Map<String, Cost> large = costs(pages);

		for (String page : pages.keySet()) {
			org.slf4j.LoggerFactory.getLogger(PageBudgetTest.class)
				.info("{}: small {}, large {}", page, small.get(page), large.get(page));
		}
		for (String page : pages.keySet()) {
			assertThat(large.get(page).statements()).as("statements for %s with a hundred times the data", page)
				.isEqualTo(small.get(page).statements())
				.isLessThanOrEqualTo(page.equals("/home") ? HOME_BUDGET : STATEMENT_BUDGET);
			assertThat(large.get(page).writes()).as("writes during GET %s", page).isZero();
			assertThat(large.get(page).bytes()).as("HTML bytes of %s", page).isLessThanOrEqualTo(HTML_BUDGET);
		}
	}

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("DELETE FROM notification WHERE link = ?", "/" + MARK);
		this.jdbc.update("DELETE c FROM document_comment c JOIN document d ON d.id = c.document_id WHERE d.title LIKE ?"
				+ " AND c.parent_id IS NOT NULL", MARK + "%");
		this.jdbc.update("DELETE c FROM document_comment c JOIN document d ON d.id = c.document_id WHERE d.title LIKE ?",
				MARK + "%");
		this.jdbc.update("DELETE r FROM document_read r JOIN document d ON d.id = r.document_id WHERE d.title LIKE ?",
				MARK + "%");
		this.jdbc.update("DELETE v FROM document_version v JOIN document d ON d.id = v.document_id WHERE d.title LIKE ?"
				+ " AND d.created_at < '2000-01-01'", MARK + "%");
		this.jdbc.update("DELETE FROM document WHERE title LIKE ? AND created_at < '2000-01-01'", MARK + "%");
	}

	private record Cost(long statements, long writes, int bytes) {
	}

	/** Each page read twice: the first visit may move a reading mark; the second is what every later visit costs. */
	private Map<String, Cost> costs(Map<String, MockHttpSession> pages) throws Exception {
		Map<String, Cost> costs = new LinkedHashMap<>();
		for (var page : pages.entrySet()) {
			read(page.getKey(), page.getValue());
			SqlStatementCounter.reset();
			MvcResult result = read(page.getKey(), page.getValue());
			costs.put(page.getKey(), new Cost(SqlStatementCounter.count(), SqlStatementCounter.writes(),
					result.getResponse().getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length));
		}
		return costs;
	}

	private MvcResult read(String url, MockHttpSession session) throws Exception {
		var request = get(url);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn();
	}

	private long document(MockHttpSession chair) throws Exception {
		StringBuilder text = new StringBuilder("# Valuation of rough diamonds\n\n");
		for (int i = 1; i <= 40; i++) {
			text.append("Paragraph ").append(i).append(" on the valuation of rough diamonds at export.\n\n");
		}
		String location = this.mvc.perform(post("/documents").session(chair)
			.with(csrf())
			.param("title", MARK + " text")
			.param("type", "DECISION")
			.param("body", "PLENARY")
			.param("year", "2016")
			.param("confidentiality", "PLENARY")
			.param("text", text.toString()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.mvc.perform(post("/documents/{id}/circulate", id).session(chair).with(csrf()));
		// The circulation notifies every delegation after the answer has gone; the pages are
		// measured once those notices are in, so both measurements see the same inbox.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND SERIALIZED_EVENT REGEXP ?",
					Integer.class, "\"documentId\":" + id + "[,}]") == 0);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id
				WHERE a.username = 'hod-bw' AND n.read_at IS NULL AND n.link LIKE ?""", Integer.class,
				"/documents/" + id + "%"))
			.as("the delegate's unread notice of the circulated text, which the home page checks it may open")
			.isPositive();
		return id;
	}

	/** Threads on one paragraph and on the whole text, each first comment with two replies. */
	private void addComments(long id, String anchor, int count) {
		int threads = count / 3;
		this.jdbc.update("""
				INSERT INTO document_comment (document_id, version_number, block_anchor, author_id, author_name,
				  organisation_en, organisation_fr, organisation_kind, markdown, html, created_at)
				SELECT ?, 1, IF(MOD(s.seq, 2) = 0, ?, NULL), a.id, a.full_name, 'Botswana', 'Botswana', 'PARTICIPANT',
				  CONCAT('On valuation, point ', s.seq), CONCAT('<p>On valuation, point ', s.seq, '</p>'), NOW(6)
				FROM account a CROSS JOIN seq_1_to_%d s WHERE a.username = 'hod-bw'""".formatted(threads), id, anchor);
		this.jdbc.update("""
				INSERT INTO document_comment (document_id, version_number, block_anchor, parent_id, author_id, author_name,
				  organisation_en, organisation_fr, organisation_kind, markdown, html, created_at)
				SELECT c.document_id, 1, c.block_anchor, c.id, c.author_id, c.author_name, 'Botswana', 'Botswana',
				  'PARTICIPANT', 'Agreed.', '<p>Agreed.</p>', NOW(6)
				FROM document_comment c CROSS JOIN seq_1_to_2 s
				WHERE c.document_id = ? AND c.parent_id IS NULL
				  AND NOT EXISTS (SELECT 1 FROM document_comment r WHERE r.parent_id = c.id)""", id);
		this.jdbc.update("UPDATE document SET discussion_revision = discussion_revision + 1 WHERE id = ?", id);
	}

	/** Documents every delegate may read, older than the demo's so the demo's lists keep their first pages. */
	private void addDocuments(int count) {
		this.jdbc.update("""
				INSERT INTO document (type, title, owning_body, year, status, confidentiality, current_version,
				  created_by, created_at, updated_at)
				SELECT 'DECISION', CONCAT(?, ' ', UUID_SHORT()), 'PLENARY', 1999, 'CIRCULATED', 'PLENARY', 1, a.id,
				  '1999-06-01', '1999-06-01'
				FROM account a CROSS JOIN seq_1_to_%d s WHERE a.username = 'chair'""".formatted(count), MARK);
		this.jdbc.update("""
				INSERT INTO document_version (document_id, number, title, markdown, html, sha256, change_note, author_id,
				  author_name, created_at)
				SELECT d.id, 1, d.title, 'On the valuation of rough diamonds.', '<p>On the valuation of rough diamonds.</p>',
				  SHA2('On the valuation of rough diamonds.\n', 256), 'document.version.first', d.created_by, 'Chair',
				  d.created_at
				FROM document d WHERE d.title LIKE ? AND d.created_at < '2000-01-01'
				  AND NOT EXISTS (SELECT 1 FROM document_version v WHERE v.document_id = d.id)""", MARK + " %");
	}

	/** Read notifications, older than the demo's. */
	private void addNotifications(int count) {
		this.jdbc.update("""
				INSERT INTO notification (account_id, type, arguments, link, delivery, created_at, read_at)
				SELECT a.id, 'DOCUMENT_CIRCULATED', 'An older paper', ?, 'OFF', '1999-06-01', '1999-06-02'
				FROM account a CROSS JOIN seq_1_to_%d s WHERE a.username = 'hod-bw'""".formatted(count), "/" + MARK);
	}

}
