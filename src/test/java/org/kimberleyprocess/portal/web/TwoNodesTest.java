package org.kimberleyprocess.portal.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import org.kimberleyprocess.portal.PortalApplication;
import org.kimberleyprocess.portal.SeparateDatabase;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.Discussion;
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.notifications.Resubmission;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two portal nodes on two ports against one database, as behind a load balancer: what one node
 * begins, the other continues; what must happen once happens once; what a stopped node left
 * undone, the other finishes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

	private SeparateDatabase database;

	private ConfigurableApplicationContext node1;

	private ConfigurableApplicationContext node2;

	private int port1;

	private int port2;

	@BeforeAll
	void startTwoNodes() {
		this.database = SeparateDatabase.create("nodes");
		// The first node builds the schema and loads the demo; the second starts on them.
		this.node1 = start();
		this.node2 = start();
		this.port1 = Integer.parseInt(this.node1.getEnvironment().getProperty("local.server.port"));
		this.port2 = Integer.parseInt(this.node2.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { this.node1, this.node2 }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
	}

	private ConfigurableApplicationContext start() {
		Map<String, Object> properties = new LinkedHashMap<>(this.database.properties());
		properties.put("server.port", "0");
		// Both nodes check for due written procedures every fraction of a second, so they race.
		properties.put("portal.consensus.deadline-check", "PT0.2S");
		// The rest is driven by the test, as in the shared test configuration.
		properties.put("portal.mail.send-interval", "PT24H");
		properties.put("portal.mail.digest-cron", "-");
		properties.put("portal.notifications.reminder-check", "PT24H");
		properties.put("portal.notifications.resubmit-check", "PT24H");
		properties.put("portal.chairs.switch-check", "PT24H");
		// A node that stops abandons the events it was handling, as one that dies would.
		properties.put("spring.modulith.default-async-termination", "false");
		properties.put("spring.task.execution.shutdown.await-termination", "false");
		// Command-line arguments, so they win over the suite's database in the environment.
		String[] arguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(PortalApplication.class).profiles("demo").run(arguments);
	}

	@Test
	@Order(1)
	void aSessionBegunOnOneNodeContinuesOnTheOther() throws Exception {
		HttpBrowser onNode1 = new HttpBrowser(this.port1).signIn("delegate-bw");
		HttpBrowser onNode2 = onNode1.at(this.port2);
		String fullName = queryString("SELECT full_name FROM account WHERE username = 'delegate-bw'");

		HttpBrowser.Page sessions = onNode2.get("/account/sessions");
		assertThat(sessions.status()).isEqualTo(200);
		assertThat(sessions.body()).contains(fullName);

		// A form from one node is accepted by the other (the CSRF token lives in the session).
		String token = onNode1.get("/account/sessions").csrf();
		assertThat(onNode2.post("/logout", Map.of("_csrf", token)).status()).isEqualTo(302);
		assertThat(onNode1.get("/account/sessions").location()).contains("/login");
	}

	@Test
	@Order(2)
	void aTextCachedOnOneNodeShowsTheRevisionSavedOnTheOther() throws Exception {
		Reader chair = reader(this.node1, "chair");
		long id = circulated(this.node1, chair, "Two nodes, one text", "Paragraph as first written.");
		HttpBrowser browser = new HttpBrowser(this.port2).signIn("delegate-bw");
		assertThat(browser.get("/documents/" + id).body()).contains("Paragraph as first written.");

		Revision revision = new Revision();
		revision.setTitle("Two nodes, one text");
		revision.setText("# Two nodes, one text\n\nParagraph as revised on the other node.\n");
		revision.setBaseVersion(1);
		this.node1.getBean(Drafting.class).revise(chair, id, revision);

		String page = browser.get("/documents/" + id).body();
		assertThat(page).contains("Paragraph as revised on the other node.")
			.doesNotContain("Paragraph as first written.");

		// The discussion node 2 has rendered and kept is not shown again once node 1 adds to it.
		NewComment comment = new NewComment();
		comment.setText("Said on the first node.");
		this.node1.getBean(Discussion.class).comment(reader(this.node1, "hod-au"), id, comment);
		assertThat(browser.get("/documents/" + id).body()).contains("Said on the first node.");
	}

	@Test
	@Order(3)
	void aWrittenProcedureWhoseDeadlinePassesWhileBothNodesRunClosesOnce() throws Exception {
		Reader chair = reader(this.node1, "chair");
		long id = circulated(this.node1, chair, "Two nodes, one deadline", "Decides once.");
		PortalClock clock1 = this.node1.getBean(PortalClock.class);
		PortalClock clock2 = this.node2.getBean(PortalClock.class);
		Instant deadline = clock1.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		long round = this.node1.getBean(ConsensusService.class)
			.open(chair, id, RoundKind.WRITTEN, LocalDateTime.ofInstant(deadline, ZoneOffset.UTC), "UTC");
		Instant before = clock1.instant();
		try {
			Instant after = deadline.plusSeconds(1);
			clock1.travelTo(after);
			clock2.travelTo(after);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "CLOSED".equals(queryString("SELECT status FROM consensus_round WHERE id = " + round)));
			// Both nodes keep checking for a while: neither closes it again.
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> queryLong("SELECT COUNT(*) FROM adoption_record WHERE document_id = " + id) == 1);
		}
		finally {
			clock1.travelTo(before);
			clock2.travelTo(before);
		}
		assertThat(queryLong("SELECT COUNT(*) FROM adoption_record WHERE document_id = " + id)).isEqualTo(1);
		assertThat(queryString("SELECT outcome FROM consensus_round WHERE id = " + round)).isEqualTo("ADOPTED");
		// The closing was announced once: each follower got the event once.
		List<String> listeners = roundClosedListeners(round);
		assertThat(listeners).isNotEmpty().doesNotHaveDuplicates();
	}

	@Test
	@Order(4)
	void eventsAStoppedNodeLeftUnhandledAreDeliveredByTheOther() throws Exception {
		Reader chair = reader(this.node1, "chair");
		long id = circulated(this.node1, chair, "Two nodes, one announcement", "Adopted as the node stops.");
		ConsensusService consensus = this.node1.getBean(ConsensusService.class);
		long round = consensus.open(chair, id, RoundKind.MEETING, null, null);

		// Node 1's threads for events are all busy: the adoption's followers wait in its queue.
		ThreadPoolTaskExecutor executor = this.node1.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
		CountDownLatch never = new CountDownLatch(1);
		for (int i = 0; i < executor.getCorePoolSize(); i++) {
			executor.execute(() -> {
				try {
					never.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> executor.getActiveCount() == executor.getCorePoolSize());
		consensus.closeMeeting(chair, id, round);
		// The followers that run on their own threads (the chair schedule, review visits,
		// communiqués, notifications) have not run: their publications wait, incomplete.
		assertThat(queryLong(incompleteRoundClosed(round))).isGreaterThanOrEqualTo(4);
		String adopted = "SELECT COUNT(*) FROM notification WHERE type = 'DOCUMENT_ADOPTED' AND link = '/documents/" + id
				+ "'";
		assertThat(queryLong(adopted)).isZero();

		this.node1.close();

		this.node2.getBean(Resubmission.class).resubmit(Duration.ZERO);
		await().atMost(Duration.ofSeconds(30)).until(() -> queryLong(incompleteRoundClosed(round)) == 0);
		// The adoption's notification reached the Participants, once each.
		assertThat(queryLong(adopted)).isPositive();
		assertThat(queryLong("SELECT COUNT(*) FROM (SELECT account_id FROM notification WHERE type = 'DOCUMENT_ADOPTED'"
				+ " AND link = '/documents/" + id + "' GROUP BY account_id HAVING COUNT(*) > 1) twice")).isZero();
		// And node 2 serves the adopted text.
		HttpBrowser browser = new HttpBrowser(this.port2).signIn("delegate-bw");
		assertThat(browser.get("/documents/" + id).body()).contains("Adopted as the node stops.");
	}

	private List<String> roundClosedListeners(long round) throws SQLException {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT LISTENER_ID FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%RoundClosed'"
								+ " AND SERIALIZED_EVENT LIKE ?")) {
			statement.setString(1, "%\"roundId\":" + round + ",%");
			List<String> listeners = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					listeners.add(rows.getString(1));
				}
			}
			return listeners;
		}
	}

	private static String incompleteRoundClosed(long round) {
		return "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%RoundClosed' AND COMPLETION_DATE IS NULL"
				+ " AND SERIALIZED_EVENT LIKE '%\"roundId\":" + round + ",%'";
	}

	private static Reader reader(ConfigurableApplicationContext node, String username) {
		return node.getBean(Readers.class).of(node.getBean(AccountDirectory.class).findForSignIn(username).orElseThrow());
	}

	private static long circulated(ConfigurableApplicationContext node, Reader chair, String title, String paragraph) {
		NewDocument form = new NewDocument();
		form.setType(DocumentType.ADMINISTRATIVE_DECISION);
		form.setBody("PLENARY");
		form.setYear(2016);
		form.setConfidentiality(Confidentiality.PLENARY);
		form.setTitle(title);
		form.setText("# " + title + "\n\n" + paragraph + "\n");
		form.setCoEditors(Set.of());
		long id = node.getBean(Drafting.class).create(chair, form);
		node.getBean(DocumentLifecycle.class).circulate(chair, id);
		return id;
	}

	private String queryString(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	private long queryLong(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
