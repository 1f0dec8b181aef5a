package org.kimberleyprocess.portal.security;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.AccountDirectory;

/**
 * Slows down guessing of passwords (and of any other secret given for a username) under the
 * {@link ThrottleRules}, without letting anyone lock another person out. Counted per username as
 * typed, whether or not an account has it, so the answers reveal nothing; and per client address.
 * <p>
 * Each attempt is asked for with {@link #admit}, which counts it as a failure at once, before the
 * secret is checked: attempts sent in parallel are decided one after another under a lock on
 * the username's row, so none slips past a limit while others are being checked. The caller then
 * says how the attempt ended, with {@link #recordFailure} or {@link #reset}. The state lives in
 * MariaDB, so every node applies the same limits.
 */
@Component
class SignInThrottle {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ThrottleRules rules;

	SignInThrottle(JdbcTemplate jdbc, Clock clock, @Value("${portal.sign-in.delay-after}") int delayAfter,
			@Value("${portal.sign-in.first-delay}") Duration firstDelay,
			@Value("${portal.sign-in.max-delay}") Duration maxDelay,
			@Value("${portal.sign-in.lock-after}") int lockAfter,
			@Value("${portal.sign-in.first-lock}") Duration firstLock,
			@Value("${portal.sign-in.max-lock}") Duration maxLock, @Value("${portal.sign-in.ceiling}") int ceiling,
			@Value("${portal.sign-in.ceiling-window}") Duration ceilingWindow,
			@Value("${portal.sign-in.ceiling-wait}") Duration ceilingWait) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rules = new ThrottleRules(delayAfter, firstDelay, maxDelay, lockAfter, firstLock, maxLock, ceiling,
				ceilingWindow, ceilingWait);
	}

	/**
	 * Asks to try a secret for this username from this address. Empty: go ahead, the attempt
	 * already counts as a failure until {@link #reset} says it succeeded; call
	 * {@link #recordFailure} when it fails. Otherwise how long to wait; the refused attempt counts
	 * for nothing, so trying again sooner does not lengthen the wait.
	 * <p>
	 * Read committed: every read sees what other nodes committed, and the username's row, locked
	 * first, orders the attempts for one username without gap locks between different ones.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Optional<Duration> admit(String username, String address) {
		String key = usernameKey(username);
		String from = addressKey(address);
		Instant now = now();
		this.jdbc.update("""
				INSERT INTO sign_in_throttle (username_key, failures, last_failure_at) VALUES (?, 0, ?)
				ON DUPLICATE KEY UPDATE failures = failures""", key, utc(now));
		Failures forUsername = this.jdbc.queryForObject(
				"SELECT failures, last_failure_at FROM sign_in_throttle WHERE username_key = ?",
				(row, n) -> new Failures(row.getInt(1), instant(row.getObject(2, LocalDateTime.class)), null), key);
		Failures fromAddress = this.jdbc.query("""
				SELECT failures, last_failure_at, last_success_at FROM sign_in_pair
				WHERE username_key = ? AND address = ?""",
				(row, n) -> new Failures(row.getInt(1), instant(row.getObject(2, LocalDateTime.class)),
						instant(row.getObject(3, LocalDateTime.class))),
				key, from)
			.stream()
			.findFirst()
			.orElse(Failures.NONE);
		List<LocalDateTime> addressFailure = this.jdbc.queryForList(
				"SELECT last_failure_at FROM sign_in_address WHERE address = ?", LocalDateTime.class, from);
		Long recent = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(failures), 0) FROM sign_in_failures WHERE minute_start > ?", Long.class,
				utc(now.minus(this.rules.ceilingWindow()).truncatedTo(ChronoUnit.MINUTES)));
		ThrottleRules.State state = new ThrottleRules.State(forUsername.count(), forUsername.last(),
				fromAddress.count(), fromAddress.last(), fromAddress.success(),
				addressFailure.isEmpty() ? null : instant(addressFailure.get(0)), recent == null ? 0 : recent);
		Duration wait = this.rules.waitFor(now, state);
		if (!wait.isZero()) {
			return Optional.of(wait);
		}
		this.jdbc.update("UPDATE sign_in_throttle SET failures = ?, last_failure_at = ? WHERE username_key = ?",
				ThrottleRules.afterFailure(forUsername.count(), forUsername.last(), now), utc(now), key);
		this.jdbc.update("""
				INSERT INTO sign_in_pair (username_key, address, failures, last_failure_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE failures = VALUES(failures), last_failure_at = VALUES(last_failure_at)""",
				key, from, ThrottleRules.afterFailure(fromAddress.count(), fromAddress.last(), now), utc(now));
		return Optional.empty();
	}

	/**
	 * The admitted attempt failed: it counts, with this address, towards the portal-wide ceiling
	 * (its username's counts already hold it).
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public void recordFailure(String username, String address) {
		Instant now = now();
		this.jdbc.update("""
				INSERT INTO sign_in_address (address, last_failure_at) VALUES (?, ?)
				ON DUPLICATE KEY UPDATE last_failure_at = GREATEST(last_failure_at, VALUES(last_failure_at))""",
				addressKey(address), utc(now));
		this.jdbc.update("""
				INSERT INTO sign_in_failures (minute_start, failures) VALUES (?, 1)
				ON DUPLICATE KEY UPDATE failures = failures + 1""", utc(now.truncatedTo(ChronoUnit.MINUTES)));
	}

	/**
	 * The admitted attempt succeeded: the username's failures are forgotten, and the address is
	 * remembered as one the username signs in from, which its delay then spares. Locks of other
	 * addresses for the username stay.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public void reset(String username, String address) {
		String key = usernameKey(username);
		Instant now = now();
		this.jdbc.update("UPDATE sign_in_throttle SET failures = 0 WHERE username_key = ?", key);
		this.jdbc.update("""
				INSERT INTO sign_in_pair (username_key, address, failures, last_success_at) VALUES (?, ?, 0, ?)
				ON DUPLICATE KEY UPDATE failures = 0, last_success_at = VALUES(last_success_at)""", key,
				addressKey(address), utc(now));
	}

	/**
	 * Forgets what no rule reads any more. Each statement commits on its own, so the clean-up
	 * never holds locks that an attempt waits for; on several nodes the statements just overlap,
	 * and on Galera a statement that deleted the same rows as another node's at the same moment is
	 * retried by the node (wsrep_retry_autocommit) or left to the next run.
	 */
	@Scheduled(fixedDelayString = "${portal.sign-in.clean-up-interval:PT1H}", initialDelayString = "PT5M")
	public void forgetOldFailures() {
		Instant now = now();
		LocalDateTime forgotten = utc(now.minus(ThrottleRules.MEMORY));
		this.jdbc.update("DELETE FROM sign_in_throttle WHERE last_failure_at < ?", forgotten);
		this.jdbc.update("""
				DELETE FROM sign_in_pair WHERE (last_failure_at IS NULL OR last_failure_at < ?)
				AND (last_success_at IS NULL OR last_success_at < ?)""", forgotten,
				utc(now.minus(ThrottleRules.KNOWN_ADDRESS)));
		this.jdbc.update("DELETE FROM sign_in_address WHERE last_failure_at < ?", forgotten);
		this.jdbc.update("DELETE FROM sign_in_failures WHERE minute_start < ?", forgotten);
	}

	static String usernameKey(String username) {
		String key = AccountDirectory.normalise(username);
		return key.length() > 100 ? key.substring(0, 100) : key;
	}

	/**
	 * IPv6 addresses are counted by their /64 network, which one subscriber usually holds whole:
	 * counted one by one, each attempt could come from a fresh address.
	 */
	static String addressKey(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+(%.*)?")) {
			try {
				byte[] bytes = InetAddress.getByName(address.replaceFirst("%.*", "")).getAddress();
				if (bytes.length == 16) {
					ByteBuffer network = ByteBuffer.wrap(bytes);
					return String.format("%x:%x:%x:%x::/64", network.getShort() & 0xffff, network.getShort() & 0xffff,
							network.getShort() & 0xffff, network.getShort() & 0xffff);
				}
			}
			catch (UnknownHostException ex) {
				// Not an address after all: counted as typed.
			}
		}
		return address.length() > 45 ? address.substring(0, 45) : address;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime utc) {
		return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
	}

	private record Failures(int count, Instant last, Instant success) {

		static final Failures NONE = new Failures(0, null, null);

	}

}
