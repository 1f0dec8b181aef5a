package org.kimberleyprocess.portal.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.kimberleyprocess.portal.PortalApplication;
import org.kimberleyprocess.portal.SeparateDatabase;
import org.kimberleyprocess.portal.TcpProxy;
import org.kimberleyprocess.portal.web.HttpBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What readers see while MariaDB is down or failing over, and what the portal keeps: a portal of
 * its own, on a database of its own reached through a proxy the test cuts and restores, driven
 * over HTTP as browsers do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

	private static final String ENGLISH_TITLE = "The portal is unavailable for a moment";

	private static final String FRENCH_TITLE = "Le portail est momentanément indisponible";

	/** What an answer must never show of the internals. */
	private static final String[] INTERNALS = { "Exception", "SQL", "JDBC", "jdbc", "Hikari", "MariaDB",
			"mariadb", "Connection", "at org." };

	private SeparateDatabase database;

	private TcpProxy proxy;

	private ConfigurableApplicationContext portal;

	private int port;

	@BeforeAll
	void startPortal() throws Exception {
		this.database = SeparateDatabase.create("outage");
		this.proxy = TcpProxy.to(this.database.hostAndPort());
		// On the command line, so that a suite's SPRING_DATASOURCE_* cannot send the portal round the proxy.
		this.portal = new SpringApplicationBuilder(PortalApplication.class).profiles("demo")
			.run("--server.port=0", "--spring.datasource.url=" + this.database.urlThrough(this.proxy.address()),
					"--spring.datasource.username=" + this.database.username(),
					"--spring.datasource.password=" + this.database.password(),
					"--portal.mail.send-interval=PT24H", "--portal.mail.digest-cron=-",
					"--portal.notifications.reminder-check=PT24H", "--portal.consensus.deadline-check=PT24H",
					"--portal.chairs.switch-check=PT24H", "--portal.one-time-links.clean-up-cron=-");
		this.port = Integer.parseInt(this.portal.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopPortal() throws Exception {
		if (this.proxy != null) {
			this.proxy.restore();
		}
		if (this.portal != null) {
			this.portal.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void whileTheDatabaseIsCutEveryPageAnswers503InTheReadersLanguageAndThePortalComesBackByItself()
			throws Exception {
		HttpBrowser signedOut = new HttpBrowser(this.port);
		HttpBrowser french = new HttpBrowser(this.port);
		HttpBrowser delegate = new HttpBrowser(this.port).signIn("delegate-bw");
		assertThat(signedOut.get("/").status()).isEqualTo(200);
		Page home = delegate.get("/home");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Thato Kgosi");
		String signOutToken = home.csrf();
		assertThat(readiness().status()).isEqualTo(200);

		this.proxy.cut();
		ExecutorService readers = Executors.newFixedThreadPool(6);
		try {
			long cutAt = System.nanoTime();
			Future<Page> front = readers.submit(() -> signedOut.get("/"));
			Future<Page> signedInHome = readers.submit(() -> delegate.get("/home"));
			Future<Page> switchedToFrench = readers.submit(() -> french.get("/documents?lang=fr"));
			Future<Page> signOut = readers.submit(() -> delegate.post("/logout", Map.of("_csrf", signOutToken)));
			// Its 404 page needs the database too: the failure comes in the error dispatch.
			Future<Page> missingAsset = readers.submit(() -> signedOut.get("/css/missing.css"));
			Future<Page> ready = readers.submit(this::readiness);
			Page alive = signedOut.get("/actuator/health/liveness");

			assertThat(alive.status()).isEqualTo(200);
			assertThat(alive.body()).contains("\"UP\"");
			assertUnavailable(front.get(), ENGLISH_TITLE);
			assertUnavailable(signedInHome.get(), ENGLISH_TITLE);
			assertThat(signedInHome.get().body()).doesNotContain("Thato Kgosi", "Sign out");
			assertUnavailable(switchedToFrench.get(), FRENCH_TITLE);
			assertThat(switchedToFrench.get().body()).contains("lang=\"fr\"", "Réessayez dans 30 secondes.");
			assertUnavailable(signOut.get(), ENGLISH_TITLE);
			assertUnavailable(missingAsset.get(), ENGLISH_TITLE);
			assertThat(ready.get().status()).isEqualTo(503);
			assertThat(ready.get().body()).contains("\"DOWN\"");
			// The language the switch chose stays, as the switch's cookie does.
			assertUnavailable(french.get("/participants"), FRENCH_TITLE);
			// Answered within the pool's connection timeout, not after the default half-minute.
			assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			readers.shutdownNow();
			this.proxy.restore();
		}

		awaitTrue(() -> status(signedOut, "/") == 200);
		Page homeAgain = delegate.get("/home");
		assertThat(homeAgain.status()).as("the sign-out that failed did not sign out").isEqualTo(200);
		assertThat(homeAgain.body()).contains("Thato Kgosi");
		assertThat(french.get("/participants").body()).contains("lang=\"fr\"");
		awaitTrue(() -> readinessStatus() == 200);
	}

	@Test
	void anOutageInTheMiddleOfFiftyDelegationsRecordingPositionsLosesNoAcknowledgedPosition() throws Exception {
		HttpBrowser chair = new HttpBrowser(this.port).signIn("chair");
		long documentId = circulatedDocument(chair);
		String roundsPage = "/documents/" + documentId + "/consensus";
		Page opened = chair.post(roundsPage + "/rounds",
				Map.of("kind", "MEETING", "_csrf", chair.get(roundsPage).csrf()));
		assertThat(opened.location()).endsWith(roundsPage);
		long roundId = queryLong("SELECT MAX(id) FROM consensus_round WHERE document_id = " + documentId);
		List<Delegation> delegations = headsOfDelegation(roundId, 50);
		assertThat(delegations).hasSize(50);

		ExecutorService signIns = Executors.newFixedThreadPool(4);
		List<Future<?>> signedIn = new ArrayList<>();
		for (Delegation delegation : delegations) {
			signedIn.add(signIns.submit(() -> {
				delegation.browser.signIn(delegation.username);
				delegation.token = delegation.browser.get(roundsPage).csrf();
				return null;
			}));
		}
		for (Future<?> done : signedIn) {
			done.get(2, TimeUnit.MINUTES);
		}
		signIns.shutdown();

		AtomicBoolean restored = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		String positionsPath = roundsPage + "/rounds/" + roundId + "/positions";
		ExecutorService recording = Executors.newFixedThreadPool(delegations.size());
		List<Future<?>> finished = new ArrayList<>();
		for (Delegation delegation : delegations) {
			finished.add(recording.submit((Callable<Void>) () -> {
				delegation.recordUntilStopped(positionsPath, roundsPage, restored, stop);
				return null;
			}));
		}
		try {
			awaitTrue(() -> delegations.stream()
				.allMatch((delegation) -> !delegation.acknowledged.isEmpty() || delegation.gaveUp));
			this.proxy.cut();
			Thread.sleep(4000);
			this.proxy.restore();
			restored.set(true);
			awaitTrue(() -> delegations.stream()
				.allMatch((delegation) -> delegation.acknowledgedSinceRestore.get() > 0 || delegation.gaveUp));
			stop.set(true);
			for (Future<?> done : finished) {
				done.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			stop.set(true);
			recording.shutdownNow();
			this.proxy.restore();
		}

		Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
		int unavailable = 0;
		for (Delegation delegation : delegations) {
			delegation.unexpected.forEach((status, count) -> unexpected.merge(status, count, Integer::sum));
			unavailable += delegation.unavailable.get();
		}
		assertThat(unexpected).as("answers other than an acknowledgement or 503").isEmpty();
		assertThat(unavailable).as("answers 503 while the database was cut").isPositive();
		try (Connection connection = this.database.connect()) {
			for (Delegation delegation : delegations) {
				List<String> recorded = new ArrayList<>();
				List<String> current = new ArrayList<>();
				try (PreparedStatement statement = connection.prepareStatement(
						"SELECT position, current FROM round_position WHERE round_id = ? AND organisation_id = ? ORDER BY id")) {
					statement.setLong(1, roundId);
					statement.setLong(2, delegation.organisationId);
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							recorded.add(rows.getString(1));
							if (rows.getObject(2) != null && rows.getBoolean(2)) {
								current.add(rows.getString(1));
							}
						}
					}
				}
				assertThat(current).as(delegation.username + ": one current position, the last acknowledged")
					.containsExactly(delegation.acknowledged.get(delegation.acknowledged.size() - 1));
				assertThat(isSubsequence(delegation.acknowledged, recorded))
					.as(delegation.username + ": every acknowledged position is recorded, in order: acknowledged "
							+ delegation.acknowledged + ", recorded " + recorded)
					.isTrue();
				assertThat(recorded.size()).as(delegation.username + ": nothing recorded that was not sent")
					.isLessThanOrEqualTo(delegation.sent.get());
			}
		}
	}

	/** A delegation's head, signed in in a browser of their own, recording one position after another. */
	private static final class Delegation {

		final String username;

		final long organisationId;

		final HttpBrowser browser;

		volatile String token;

		final List<String> acknowledged = new CopyOnWriteArrayList<>();

		final AtomicInteger acknowledgedSinceRestore = new AtomicInteger();

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger unavailable = new AtomicInteger();

		final Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();

		/** Stopped at an answer that was neither an acknowledgement nor the 503 page. */
		volatile boolean gaveUp;

		Delegation(String username, long organisationId, int port) {
			this.username = username;
			this.organisationId = organisationId;
			this.browser = new HttpBrowser(port);
		}

		/**
		 * JOIN, ABSTAIN, JOIN, ... each sent until acknowledged (the redirect to the round's page),
		 * as a person sends a form again on a page that says it was not saved; until told to stop
		 * and one has been acknowledged since the database came back, or until any other answer.
		 */
		void recordUntilStopped(String positionsPath, String roundsPage, AtomicBoolean restored, AtomicBoolean stop)
				throws Exception {
			int next = 0;
			while (!stop.get() || this.acknowledgedSinceRestore.get() == 0) {
				String position = (next++ % 2 == 0) ? "JOIN" : "ABSTAIN";
				while (true) {
					boolean sentAfterRestore = restored.get();
					this.sent.incrementAndGet();
					Page answer;
					try {
						answer = this.browser.post(positionsPath, Map.of("participant",
								String.valueOf(this.organisationId), "position", position, "_csrf", this.token));
					}
					catch (IOException ex) {
						// No answer at all (a connection closed under load): not acknowledged either.
						Thread.sleep(200);
						continue;
					}
					if (answer.status() == 302 && answer.header("Location").endsWith(roundsPage)) {
						this.acknowledged.add(position);
						if (sentAfterRestore) {
							this.acknowledgedSinceRestore.incrementAndGet();
						}
						break;
					}
					if (answer.status() != 503 || !"30".equals(answer.header("Retry-After"))
							|| !answer.body().contains(ENGLISH_TITLE)) {
						this.unexpected.merge(answer.status(), 1, Integer::sum);
						this.gaveUp = true;
						return;
					}
					this.unavailable.incrementAndGet();
					Thread.sleep(200);
				}
				Thread.sleep(ThreadLocalRandom.current().nextInt(200, 400));
			}
		}

	}

	private List<Delegation> headsOfDelegation(long roundId, int count) throws Exception {
		List<Delegation> delegations = new ArrayList<>();
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement("""
						SELECT a.username, a.organisation_id FROM account a
						JOIN round_eligible e ON e.organisation_id = a.organisation_id AND e.round_id = ?
						JOIN account_role r ON r.account_id = a.id AND r.role = 'HEAD_OF_DELEGATION'
						ORDER BY a.username LIMIT ?""")) {
			statement.setLong(1, roundId);
			statement.setInt(2, count);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					delegations.add(new Delegation(rows.getString(1), rows.getLong(2), this.port));
				}
			}
		}
		return delegations;
	}

	private long circulatedDocument(HttpBrowser chair) throws Exception {
		Page created = chair.post("/documents",
				Map.of("title", "Outage test", "type", "DECISION", "body", "PLENARY", "year", "2016", "confidentiality",
						"PLENARY", "text", "The Plenary decides.\n", "_csrf", chair.get("/documents/new").csrf()));
		String document = created.location();
		long id = Long.parseLong(document.substring(document.lastIndexOf('/') + 1));
		Page circulated = chair.post("/documents/" + id + "/circulate",
				Map.of("_csrf", chair.get("/documents/" + id).csrf()));
		assertThat(circulated.location()).endsWith("/documents/" + id);
		return id;
	}

	private static void assertUnavailable(Page page, String title) {
		assertThat(page.status()).as(page.headers() + "\n" + page.body()).isEqualTo(503);
		assertThat(page.header("Retry-After")).isEqualTo("30");
		assertThat(page.header("X-Request-Id")).as("the identifier a person may quote").isNotBlank();
		assertThat(page.body()).as("the page names the request").contains(page.header("X-Request-Id"));
		assertThat(page.header("Cache-Control")).isEqualTo("no-store");
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<h1>" + title + "</h1>");
		// In the portal's layout, with its stylesheet under the content-hashed name every page uses.
		assertThat(page.body()).containsPattern("href=\"/css/portal-[0-9a-f]+\\.css\"");
		assertThat(page.body()).doesNotContain(INTERNALS);
	}

	private Page readiness() throws Exception {
		return new HttpBrowser(this.port).get("/actuator/health/readiness");
	}

	private int readinessStatus() {
		try {
			return readiness().status();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static int status(HttpBrowser browser, String path) {
		try {
			return browser.get(path).status();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private long queryLong(String sql) throws Exception {
		try (Connection connection = this.database.connect();
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static boolean isSubsequence(List<String> part, List<String> whole) {
		int found = 0;
		for (String item : whole) {
			if (found < part.size() && part.get(found).equals(item)) {
				found++;
			}
		}
		return found == part.size();
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not so after a minute");
			}
			Thread.sleep(250);
		}
	}

}
