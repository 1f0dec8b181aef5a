package org.kimberleyprocess.portal.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two transfers between the same two accounts, in opposite directions, each locking its first
 * row and then the other's: a real deadlock on MariaDB, which the server ends by rolling one
 * back (error 1213). The loser runs again by itself and lands, and each transfer happens once.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlockRetryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationContext context;

	Transfers transfers;

	@BeforeAll
	void createTables() {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS retry_probe_account (id BIGINT PRIMARY KEY, balance INT NOT NULL)"
				+ " ENGINE = InnoDB");
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS retry_probe_transfer (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
				+ " name VARCHAR(20) NOT NULL) ENGINE = InnoDB");
		// Made as the context makes its beans, so the portal's advice applies to it as to a service.
		this.transfers = this.context.getAutowireCapableBeanFactory().createBean(Transfers.class);
	}

	@AfterAll
	void dropTables() {
		this.jdbc.execute("DROP TABLE IF EXISTS retry_probe_account");
		this.jdbc.execute("DROP TABLE IF EXISTS retry_probe_transfer");
	}

	@BeforeEach
	void openAccounts() {
		this.jdbc.update("DELETE FROM retry_probe_transfer");
		this.jdbc.update("DELETE FROM retry_probe_account");
		this.jdbc.update("INSERT INTO retry_probe_account (id, balance) VALUES (1, 100), (2, 100)");
		this.transfers.beginRace();
	}

	@Test
	void theLoserOfADeadlockRunsAgainAndEachTransferHappensOnce() throws Exception {
		List<Throwable> failures = race((from, to, amount, name) -> this.transfers.move(from, to, amount, name));

		assertThat(failures).isEmpty();
		assertThat(this.transfers.attempts()).as("two transfers, one of them twice").isEqualTo(3);
		assertThat(this.jdbc.queryForList("SELECT name FROM retry_probe_transfer ORDER BY name", String.class))
			.containsExactly("one-to-two", "two-to-one");
		assertThat(this.jdbc.queryForList("SELECT balance FROM retry_probe_account ORDER BY id", Integer.class))
			.containsExactly(100 - 10 + 1, 100 + 10 - 1);
	}

	@Test
	void insideATransactionAlreadyUnderWayTheDeadlockGoesToWhoeverBeganIt() throws Exception {
		TransactionTemplate outer = new TransactionTemplate(this.transactions);
		List<Throwable> failures = race((from, to, amount, name) -> outer
			.executeWithoutResult((status) -> this.transfers.move(from, to, amount, name)));

		assertThat(failures).singleElement().satisfies((failure) -> {
			// What a deadlock reaches the services as, through Hibernate and Spring's translation.
			assertThat(failure).isInstanceOf(CannotAcquireLockException.class)
				.isInstanceOf(PessimisticLockingFailureException.class);
			assertThat(DatabaseFaults.deadlock(failure)).isTrue();
			assertThat(DatabaseFaults.temporary(failure)).isTrue();
			assertThat(DatabaseFaults.unreachable(failure)).isFalse();
		});
		assertThat(this.transfers.attempts()).as("nothing run again inside the outer transaction").isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM retry_probe_transfer", Integer.class)).isEqualTo(1);
	}

	@Test
	void anOptimisticLockFailureIsNotRunAgain() {
		AtomicInteger calls = new AtomicInteger();
		assertThatExceptionOfType(ObjectOptimisticLockingFailureException.class)
			.isThrownBy(() -> this.transfers.failStale(calls));
		assertThat(calls).hasValue(1);
	}

	/** Runs the two opposite transfers at once; answers what each failed with, if it did. */
	private List<Throwable> race(Transfer transfer) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			done.add(pool.submit(() -> {
				transfer.run(1, 2, 10, "one-to-two");
				return null;
			}));
			done.add(pool.submit(() -> {
				transfer.run(2, 1, 1, "two-to-one");
				return null;
			}));
			List<Throwable> failures = new ArrayList<>();
			for (Future<?> future : done) {
				try {
					future.get(60, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause());
				}
				catch (TimeoutException ex) {
					throw new AssertionError("A transfer did not end", ex);
				}
			}
			return failures;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Transfer {

		void run(long from, long to, int amount, String name);

	}

	/**
	 * Transfers between two rows, as a service writes through repositories (whose exceptions
	 * Spring translates): the first row is locked, then, once the other transfer holds its own
	 * first row, the second. The first attempts wait for each other; a run again does not.
	 */
	@Repository
	static class Transfers {

		private final AtomicInteger attempts = new AtomicInteger();

		private volatile CountDownLatch bothHoldTheirFirstRow;

		@PersistenceContext
		private EntityManager entityManager;

		@Transactional
		public void move(long from, long to, int amount, String name) {
			this.attempts.incrementAndGet();
			change(from, -amount);
			this.bothHoldTheirFirstRow.countDown();
			try {
				if (!this.bothHoldTheirFirstRow.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The other transfer never began");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			change(to, amount);
			this.entityManager.createNativeQuery("INSERT INTO retry_probe_transfer (name) VALUES (?)")
				.setParameter(1, name)
				.executeUpdate();
		}

		/** How many times a transfer began, the runs again included. */
		int attempts() {
			return this.attempts.get();
		}

		void beginRace() {
			this.attempts.set(0);
			this.bothHoldTheirFirstRow = new CountDownLatch(2);
		}

		@Transactional
		public void failStale(AtomicInteger calls) {
			calls.incrementAndGet();
			throw new ObjectOptimisticLockingFailureException(Object.class, 1L);
		}

		private void change(long id, int amount) {
			this.entityManager.createNativeQuery("UPDATE retry_probe_account SET balance = balance + ? WHERE id = ?")
				.setParameter(1, amount)
				.setParameter(2, id)
				.executeUpdate();
		}

	}

}
