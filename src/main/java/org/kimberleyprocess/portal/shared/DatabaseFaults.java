package org.kimberleyprocess.portal.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure that came from MariaDB means for the request that met it. Spring, Hibernate, the
 * connection pool and the driver each wrap it in their own exception, and which one arrives
 * depends on where it struck (looking up the session, opening a transaction, a query, the
 * commit), so each question here is answered from the whole chain of causes.
 */
public final class DatabaseFaults {

	/** {@code ER_LOCK_DEADLOCK}: also what Galera answers when a transaction fails certification. */
	static final int LOCK_DEADLOCK = 1213;

	/** {@code ER_LOCK_WAIT_TIMEOUT}. */
	static final int LOCK_WAIT_TIMEOUT = 1205;

	/** The SQL state of a transaction the server rolled back as a serialisation failure. */
	static final String SERIALIZATION_FAILURE = "40001";

	/** The SQL state class of connection errors. */
	static final String CONNECTION_EXCEPTION = "08";

	private DatabaseFaults() {
	}

	/**
	 * The database cannot be reached now: no connection could be had within the pool's timeout,
	 * the one in use broke, or the node refuses work (a Galera node that has left the cluster).
	 */
	public static boolean unreachable(Throwable failure) {
		return anyCause(failure, (cause) -> cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException
				|| cause instanceof org.hibernate.exception.JDBCConnectionException
				|| cause instanceof CannotCreateTransactionException
				|| cause instanceof DataAccessResourceFailureException
				|| cause instanceof TransientDataAccessResourceException
				|| (cause instanceof SQLException sql && sql.getSQLState() != null
						&& sql.getSQLState().startsWith(CONNECTION_EXCEPTION)));
	}

	/**
	 * The server chose the transaction as the victim of a deadlock, or Galera refused it at
	 * commit because another node's transaction changed the same rows first. Either way the
	 * server rolled the whole transaction back, so running it again from the start is safe.
	 */
	public static boolean deadlock(Throwable failure) {
		return anyCause(failure, (cause) -> cause instanceof SQLException sql
				&& (sql.getErrorCode() == LOCK_DEADLOCK || SERIALIZATION_FAILURE.equals(sql.getSQLState())));
	}

	/**
	 * A failure that passes by itself: the database is unreachable, or a lock could not be had (a
	 * deadlock still lost after the retries, a lock waited for too long). The request did not
	 * complete and may be sent again.
	 */
	public static boolean temporary(Throwable failure) {
		return unreachable(failure) || deadlock(failure)
				|| anyCause(failure, (cause) -> cause instanceof PessimisticLockingFailureException
						|| (cause instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT));
	}

	/** The innermost cause, for a log line that says what happened without a stack trace. */
	public static String describe(Throwable failure) {
		Throwable innermost = failure;
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		while (innermost.getCause() != null && seen.add(innermost)) {
			innermost = innermost.getCause();
		}
		return innermost.getClass().getName() + ": " + innermost.getMessage();
	}

	private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (test.test(cause)) {
				return true;
			}
		}
		return false;
	}

}
