package org.kimberleyprocess.portal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class AuditTrailTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void changesSignInsAndRefusalsAreRecordedWithWhoWhatAndWhere() throws Exception {
		long document = this.jdbc.queryForObject(
				"SELECT id FROM document WHERE title LIKE 'Kimberley Process Plenary, Dubai%'", Long.class);
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(post("/documents/{id}/comments", document).session(botswana)
			.with(csrf())
			.param("text", "Botswana checks the audit trail.")).andExpect(status().is3xxRedirection());
		Map<String, Object> comment = this.jdbc.queryForMap(
				"SELECT * FROM audit_entry WHERE action = 'Comment created' ORDER BY id DESC LIMIT 1");
		assertThat(comment.get("actor")).asString().contains("(hod-bw)");
		assertThat(comment.get("organisation")).isEqualTo("Botswana");
		assertThat(comment.get("summary")).asString().contains("documentId=" + document);
		assertThat(comment.get("client_address")).isEqualTo("127.0.0.1");
		assertThat(comment.get("request_id")).asString().matches("[0-9a-f]{16}");

		this.mvc.perform(formLogin("/login").user("hod-bw").password("wrong password"));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'Sign-in failed' AND actor = 'hod-bw'", Integer.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'Signed in' AND target = 'Account hod-bw'", Integer.class))
			.isPositive();

		this.mvc.perform(get("/admin/users").session(botswana)).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'Access refused' AND target = 'GET /admin/users' AND actor LIKE '%(hod-bw)'",
				Integer.class)).isPositive();

		this.mvc.perform(get("/audit").session(botswana)).andExpect(status().isForbidden());
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(get("/audit").param("actor", "hod-bw").param("action", "Comment").session(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Comment created"), containsString("127.0.0.1"))));
		// In French the trail reads in French; the entries keep the words they were chained with.
		this.mvc.perform(get("/audit").param("actor", "hod-bw").param("lang", "fr").session(chair))
			.andExpect(content().string(allOf(containsString("Commentaire : création"), containsString("Accès refusé"),
					org.hamcrest.Matchers.not(containsString("Comment created")),
					org.hamcrest.Matchers.not(containsString("Access refused")))));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'Comment created'",
				Integer.class)).isPositive();
		// What changed is shown as recorded, marked as English (AuditTextsTest: the portal's sentences in French).
		this.mvc.perform(get("/audit").param("actor", "hod-bw").param("action", "Comment").param("lang", "fr")
			.session(chair))
			.andExpect(content().string(containsString("<td class=\"audit-summary\" lang=\"en\">")));
		assertThat(this.jdbc.queryForList("SELECT summary FROM audit_entry WHERE action = 'DocumentVersion created'",
				String.class))
			.as("a version's blocks named by kind and number, never as Java objects")
			.isNotEmpty()
			.noneMatch((summary) -> summary.contains("org.kimberleyprocess"))
			.anyMatch((summary) -> summary.contains("blocks=[DocumentBlock#"));
		this.mvc.perform(get("/audit.csv").param("actor", "hod-bw").session(chair))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(allOf(containsString("Entry,When (UTC),Who,Organisation"),
					containsString("Comment created"))));
		this.mvc.perform(get("/audit.csv").param("actor", "hod-bw").param("lang", "fr").session(chair))
			.andExpect(content().string(allOf(containsString("Entrée,Date (UTC),Qui,Organisation"),
					org.hamcrest.Matchers.not(containsString("When (UTC)")))));
		this.mvc.perform(get("/audit/verify").session(chair)).andExpect(status().isForbidden());
	}

	@Test
	void concurrentAppendsKeepOneUnbrokenChainAndTamperingIsDetected() throws Exception {
		int before = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
		int threads = 8;
		int each = 15;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					int n = i;
					this.transactions.executeWithoutResult((status) -> {
						this.trail.record("tester " + thread, "Test", "Concurrent append", "Thread " + thread, "n=" + n);
						this.trail.record("tester " + thread, "Test", "Concurrent append", "Thread " + thread, "m=" + n);
					});
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class))
			.isGreaterThanOrEqualTo(before + threads * each * 2);
		assertThat(this.trail.verify().intact()).isTrue();

		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(get("/audit/verify").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The chain is intact")));

		Map<String, Object> victim = this.jdbc.queryForMap(
				"SELECT id, summary FROM audit_entry WHERE action = 'Concurrent append' ORDER BY id LIMIT 1 OFFSET 7");
		long id = ((Number) victim.get("id")).longValue();
		try {
			this.jdbc.update("UPDATE audit_entry SET summary = 'n=999' WHERE id = ?", id);
			AuditTrail.Verification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBroken().id()).isEqualTo(id);
			assertThat(verification.reason()).isEqualTo("content");
			this.mvc.perform(get("/audit/verify").session(admin))
				.andExpect(content().string(containsString("Entry #" + id + " has been altered")));
		}
		finally {
			this.jdbc.update("UPDATE audit_entry SET summary = ? WHERE id = ?", victim.get("summary"), id);
		}
		assertThat(this.trail.verify().intact()).isTrue();

		Map<String, Object> removed = this.jdbc.queryForMap("SELECT * FROM audit_entry WHERE id = ?", id);
		try {
			this.jdbc.update("DELETE FROM audit_entry WHERE id = ?", id);
			AuditTrail.Verification verification = this.trail.verify();
			assertThat(verification.firstBroken().id()).isGreaterThan(id);
			assertThat(verification.reason()).isEqualTo("previous");
		}
		finally {
			this.jdbc.update("""
					INSERT INTO audit_entry (id, occurred_at, actor, organisation, action, target, summary, request_id,
					    client_address, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", removed.get("id"),
					removed.get("occurred_at"), removed.get("actor"), removed.get("organisation"), removed.get("action"),
					removed.get("target"), removed.get("summary"), removed.get("request_id"), removed.get("client_address"),
					removed.get("previous_hash"), removed.get("hash"));
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

}
