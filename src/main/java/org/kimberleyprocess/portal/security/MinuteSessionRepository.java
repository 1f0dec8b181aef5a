package org.kimberleyprocess.portal.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sessions of Spring Session JDBC, with the last access recorded to the minute. Spring
 * Session moves a session's last access on every request, and a moved last access is an UPDATE
 * of the session's row: every page view would write. Here a request that comes less than a
 * minute after the recorded last access leaves it as it is, so a page view that changes nothing
 * else in the session writes nothing, and a session that is used goes on being kept: its idle
 * limit runs from the recorded access, at most a minute early. And a request reads its session
 * once: Spring Session asks for it again when it commits the session a second time, as it does
 * whenever the response is committed before the request ends (a rendered page is, when the view
 * flushes it), so what a request has read is kept for the rest of that request ({@link ReadOnce}).
 * Reading a session is one statement, the session's row joined to its attributes, so it runs on
 * its own, without the transaction around it that Spring Session begins for every call (four
 * statements for one); its writes keep theirs ({@link ReadsAlone}).
 */
final class MinuteSessionRepository implements FindByIndexNameSessionRepository<Session> {

	/** How far the recorded last access may lag behind the real one. */
	static final Duration GRANULARITY = Duration.ofMinutes(1);

	/** The sessions the current request has read (or found missing), by identifier. */
	private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

	/** Set while Spring Session's repository reads a session for {@link #findById}. */
	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> sessions;

	MinuteSessionRepository(FindByIndexNameSessionRepository<Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public Session createSession() {
		return new MinuteSession(this.sessions.createSession());
	}

	@Override
	public void save(Session session) {
		this.sessions.save(((MinuteSession) session).stored);
	}

	@Override
	public Session findById(String id) {
		Map<String, Session> read = READ.get();
		if (read != null && read.containsKey(id)) {
			return read.get(id);
		}
		Session stored;
		READING.set(Boolean.TRUE);
		try {
			stored = this.sessions.findById(id);
		}
		finally {
			READING.remove();
		}
		Session found = (stored == null) ? null : new MinuteSession(stored);
		if (read != null) {
			read.put(id, found);
		}
		return found;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
		Map<String, Session> read = READ.get();
		if (read != null) {
			read.put(id, null);
		}
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Session> found = new LinkedHashMap<>();
		this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, stored) -> found.put(id, new MinuteSession(stored)));
		return found;
	}

	/**
	 * The transactions of Spring Session's repository: none while it reads a session for
	 * {@link #findById} (a single query, or the single delete of a session found expired), those
	 * of the given operations for everything else.
	 */
	static final class ReadsAlone implements TransactionOperations {

		private final TransactionOperations transactions;

		ReadsAlone(TransactionOperations transactions) {
			this.transactions = transactions;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (Boolean.TRUE.equals(READING.get())) {
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return this.transactions.execute(action);
		}

	}

	/**
	 * Keeps what a request has read of the sessions for as long as the request lasts, on the
	 * request's thread; runs just outside Spring Session's filter.
	 */
	static final class ReadOnce extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (READ.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			READ.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				READ.remove();
			}
		}

	}

	/** The stored session, with every change passed on except a last access within the minute. */
	private static final class MinuteSession implements Session {

		private final Session stored;

		MinuteSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.stored.getLastAccessedTime(), lastAccessedTime).compareTo(GRANULARITY) >= 0) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
