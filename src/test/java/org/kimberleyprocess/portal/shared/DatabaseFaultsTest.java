package org.kimberleyprocess.portal.shared;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The failures as they arrive from the pool, the driver, Hibernate and Spring (the chains below
 * are those the outage and deadlock tests met), and what each means for the request.
 */
class DatabaseFaultsTest {

	/** The pool found no connection in time: the server refused them. */
	private static final RuntimeException NO_CONNECTION = new CannotCreateTransactionException(
			"Could not open JPA EntityManager for transaction",
			new JDBCConnectionException("Unable to acquire JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
							new SQLNonTransientConnectionException("Socket fail to connect", "08000",
									new ConnectException("Connection refused")))));

	/** A pooled connection the server had closed, taken to begin a transaction. */
	private static final RuntimeException CLOSED_SOCKET = new CannotCreateTransactionException(
			"Could not open JPA EntityManager for transaction",
			new SQLNonTransientConnectionException("(conn=5) Socket error", "08000",
					new EOFException("unexpected end of stream, read 0 bytes from 4 (socket was closed by server)")));

	/** Through a JdbcTemplate (Spring Session, the event registry, the audit trail). */
	private static final RuntimeException NO_JDBC_CONNECTION = new CannotGetJdbcConnectionException(
			"Failed to obtain JDBC Connection", new SQLTransientConnectionException("Connection is not available"));

	/** The victim of a deadlock, or a Galera certification failure. */
	private static final RuntimeException DEADLOCK = new CannotAcquireLockException("could not execute statement",
			new LockAcquisitionException("could not execute statement", new SQLTransactionRollbackException(
					"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213), "UPDATE"));

	private static final RuntimeException LOCK_WAIT_TIMEOUT = new PessimisticLockingFailureException(
			"could not execute statement", new SQLException("Lock wait timeout exceeded", "HY000", 1205));

	private static final RuntimeException STALE = new ObjectOptimisticLockingFailureException("Document", 1L,
			new StaleObjectStateException("Document", 1L));

	private static final RuntimeException DUPLICATE = new DataIntegrityViolationException("duplicate",
			new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));

	@Test
	void eachFailureMeansWhatItSays() {
		for (RuntimeException unreachable : List.of(NO_CONNECTION, CLOSED_SOCKET, NO_JDBC_CONNECTION,
				new DataAccessResourceFailureException("gone", new JDBCConnectionException("gone", null)))) {
			assertThat(DatabaseFaults.unreachable(unreachable)).as(unreachable.toString()).isTrue();
			assertThat(DatabaseFaults.temporary(unreachable)).as(unreachable.toString()).isTrue();
			assertThat(DatabaseFaults.deadlock(unreachable)).as(unreachable.toString()).isFalse();
		}
		assertThat(DatabaseFaults.deadlock(DEADLOCK)).isTrue();
		assertThat(DatabaseFaults.temporary(DEADLOCK)).isTrue();
		assertThat(DatabaseFaults.unreachable(DEADLOCK)).isFalse();
		assertThat(DatabaseFaults.deadlock(LOCK_WAIT_TIMEOUT)).isFalse();
		assertThat(DatabaseFaults.temporary(LOCK_WAIT_TIMEOUT)).isTrue();
		for (RuntimeException lasting : List.of(STALE, DUPLICATE, new IllegalStateException("a bug"))) {
			assertThat(DatabaseFaults.temporary(lasting)).as(lasting.toString()).isFalse();
			assertThat(DatabaseFaults.deadlock(lasting)).as(lasting.toString()).isFalse();
		}
	}

	@Test
	void theInnermostCauseIsDescribed() {
		assertThat(DatabaseFaults.describe(NO_CONNECTION)).isEqualTo("java.net.ConnectException: Connection refused");
	}

	@Test
	void aClosedDatabaseSocketLeavesSpringMvcForTheOutagePageInsteadOfAnEmptyPage() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		ModelAndView swallowed = new DefaultHandlerExceptionResolver().resolveException(request,
				new MockHttpServletResponse(), null, CLOSED_SOCKET);
		assertThat(swallowed).as("Spring MVC takes it for a reader who went away").isNotNull();
		assertThat(swallowed.isEmpty()).isTrue();

		List<HandlerExceptionResolver> resolvers = new ArrayList<>(List.of(new DefaultHandlerExceptionResolver()));
		new WebConfiguration(null).extendHandlerExceptionResolvers(resolvers);
		HandlerExceptionResolverComposite portal = new HandlerExceptionResolverComposite();
		portal.setExceptionResolvers(resolvers);
		assertThatThrownBy(() -> portal.resolveException(request, new MockHttpServletResponse(), null, CLOSED_SOCKET))
			.isSameAs(CLOSED_SOCKET);
		assertThat(portal.resolveException(request, new MockHttpServletResponse(), null,
				new org.springframework.web.HttpRequestMethodNotSupportedException("PUT")))
			.as("everything else as before")
			.isNotNull();
	}

}
