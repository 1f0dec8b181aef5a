package org.kimberleyprocess.portal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.AccountDirectory;

/**
 * Slows down password guessing: after a number of consecutive failures for a username, sign-in
 * for that username is refused for a while, the wait doubling with each further failure. Counted
 * per typed username whether an account has it or not, so the answers reveal nothing.
 */
@Component
class SignInThrottle {

	/** A run of failures older than this starts counting afresh. */
	private static final Duration MEMORY = Duration.ofHours(24);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration firstLock;

	private final Duration maxLock;

	SignInThrottle(JdbcTemplate jdbc, Clock clock, @Value("${portal.sign-in.max-failures}") int maxFailures,
			@Value("${portal.sign-in.first-lock}") Duration firstLock,
			@Value("${portal.sign-in.max-lock}") Duration maxLock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.firstLock = firstLock;
		this.maxLock = maxLock;
	}

	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String username) {
		List<Timestamp> until = this.jdbc.queryForList(
				"SELECT locked_until FROM sign_in_throttle WHERE username_key = ? AND locked_until > ?",
				Timestamp.class, key(username), Timestamp.from(this.clock.instant()));
		return until.stream().findFirst().map(Timestamp::toInstant);
	}

	@Transactional
	public void recordFailure(String username) {
		String key = key(username);
		Instant now = this.clock.instant();
		this.jdbc.update("""
				INSERT INTO sign_in_throttle (username_key, failures, last_failure_at, locked_until)
				VALUES (?, 1, ?, NULL)
				ON DUPLICATE KEY UPDATE
				  failures = IF(last_failure_at < ?, 1, failures + 1),
				  last_failure_at = VALUES(last_failure_at)""", key, Timestamp.from(now),
				Timestamp.from(now.minus(MEMORY)));
		Integer failures = this.jdbc.queryForObject("SELECT failures FROM sign_in_throttle WHERE username_key = ?",
				Integer.class, key);
		if (failures != null && failures >= this.maxFailures) {
			this.jdbc.update("UPDATE sign_in_throttle SET locked_until = ? WHERE username_key = ?",
					Timestamp.from(now.plus(lockFor(failures))), key);
		}
	}

	@Transactional
	public void reset(String username) {
		this.jdbc.update("DELETE FROM sign_in_throttle WHERE username_key = ?", key(username));
	}

	Duration lockFor(int failures) {
		int doublings = Math.min(failures - this.maxFailures, 20);
		Duration lock = this.firstLock.multipliedBy(1L << doublings);
		return lock.compareTo(this.maxLock) > 0 ? this.maxLock : lock;
	}

	private static String key(String username) {
		String key = AccountDirectory.normalise(username);
		return key.length() > 100 ? key.substring(0, 100) : key;
	}

}
