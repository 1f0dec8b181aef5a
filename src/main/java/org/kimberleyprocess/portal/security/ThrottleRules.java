package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When an attempt to sign in (or to give another secret for a username) must wait, as a pure
 * rule over what the throttle remembers. Three limits, none of which lets failures typed
 * elsewhere keep the right person out:
 * <ul>
 * <li>per username, from any address: after {@code delayAfter} failures, an attempt waits a few
 * seconds after the username's last failure, doubling with each further failure up to
 * {@code maxDelay}; an address the username has signed in from before is not slowed, so a
 * guesser elsewhere cannot hold the username's owner back;</li>
 * <li>per username and address: after {@code lockAfter} failures that address is locked for
 * that username, for {@code firstLock} doubling with each further failure up to
 * {@code maxLock}, whatever happens from other addresses;</li>
 * <li>portal-wide: while more than {@code ceiling} failures happened in the last
 * {@code ceilingWindow} (someone trying one password on many usernames), an address that
 * failed in that window waits {@code ceilingWait} after its last failure.</li>
 * </ul>
 * A run of failures is forgotten a day after its last one.
 */
record ThrottleRules(int delayAfter, Duration firstDelay, Duration maxDelay, int lockAfter, Duration firstLock,
		Duration maxLock, int ceiling, Duration ceilingWindow, Duration ceilingWait) {

	/** A run of failures older than this starts counting afresh. */
	static final Duration MEMORY = Duration.ofHours(24);

	/** How long an address a username signed in from stays exempt from the username's delay. */
	static final Duration KNOWN_ADDRESS = Duration.ofDays(90);

	ThrottleRules {
		if (delayAfter < 1 || lockAfter < 1 || ceiling < 1) {
			throw new IllegalArgumentException("Throttle limits must be positive");
		}
	}

	/** How long the next attempt must wait; zero when it may go ahead now. */
	Duration waitFor(Instant now, State state) {
		Duration wait = Duration.ZERO;
		int pairFailures = current(state.pairFailures(), state.pairLastFailure(), now);
		if (pairFailures >= this.lockAfter) {
			wait = longer(wait, until(state.pairLastFailure().plus(lockFor(pairFailures)), now));
		}
		int usernameFailures = current(state.usernameFailures(), state.usernameLastFailure(), now);
		boolean knownAddress = state.pairLastSuccess() != null
				&& state.pairLastSuccess().isAfter(now.minus(KNOWN_ADDRESS));
		if (usernameFailures >= this.delayAfter && !knownAddress) {
			wait = longer(wait, until(state.usernameLastFailure().plus(delayFor(usernameFailures)), now));
		}
		if (state.recentFailures() > this.ceiling && state.addressLastFailure() != null
				&& state.addressLastFailure().isAfter(now.minus(this.ceilingWindow))) {
			wait = longer(wait, until(state.addressLastFailure().plus(this.ceilingWait), now));
		}
		return wait;
	}

	/** The count after one more failure now: a run whose last failure is forgotten starts again. */
	static int afterFailure(int failures, Instant lastFailure, Instant now) {
		return current(failures, lastFailure, now) + 1;
	}

	Duration delayFor(int failures) {
		return doubling(this.firstDelay, failures - this.delayAfter, this.maxDelay);
	}

	Duration lockFor(int failures) {
		return doubling(this.firstLock, failures - this.lockAfter, this.maxLock);
	}

	private static int current(int failures, Instant lastFailure, Instant now) {
		return (lastFailure == null || lastFailure.isBefore(now.minus(MEMORY))) ? 0 : failures;
	}

	private static Duration doubling(Duration first, int doublings, Duration max) {
		Duration length = first.multipliedBy(1L << Math.max(0, Math.min(doublings, 30)));
		return length.compareTo(max) > 0 ? max : length;
	}

	private static Duration until(Instant end, Instant now) {
		return end.isAfter(now) ? Duration.between(now, end) : Duration.ZERO;
	}

	private static Duration longer(Duration one, Duration other) {
		return one.compareTo(other) >= 0 ? one : other;
	}

	/**
	 * What the throttle remembers about one attempt: its username's failures from any address,
	 * the failures and last success of that username from this address, this address's last
	 * failure for any username, and the failures across the portal in the ceiling's window.
	 */
	record State(int usernameFailures, Instant usernameLastFailure, int pairFailures, Instant pairLastFailure,
			Instant pairLastSuccess, Instant addressLastFailure, long recentFailures) {

		static final State FRESH = new State(0, null, 0, null, null, null, 0);

	}

}
