package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.kimberleyprocess.portal.security.ThrottleRules.State;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rule over every count that matters, with the portal's default settings. */
class ThrottleRulesTest {

	private static final Instant NOW = Instant.parse("2016-11-14T09:00:00Z");

	private final ThrottleRules rules = new ThrottleRules(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 10,
			Duration.ofMinutes(1), Duration.ofHours(1), 100, Duration.ofMinutes(10), Duration.ofMinutes(1));

	@Test
	void theUsernamesDelayIsSecondsDoublingToAMinuteFromTheFifthFailure() {
		long[] expected = { 0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60 };
		for (int failures = 0; failures < expected.length; failures++) {
			State justFailed = new State(failures, NOW, 0, null, null, null, 0);
			assertThat(this.rules.waitFor(NOW, justFailed)).as(failures + " failures")
				.isEqualTo(Duration.ofSeconds(expected[failures]));
		}
	}

	@Test
	void theDelayRunsFromTheUsernamesLastFailure() {
		State nine = new State(9, NOW.minusSeconds(20), 0, null, null, null, 0);
		assertThat(this.rules.waitFor(NOW, nine)).isEqualTo(Duration.ofSeconds(12));
		assertThat(this.rules.waitFor(NOW.plusSeconds(12), nine)).isZero();
	}

	@Test
	void anAddressTheUsernameSignedInFromIsNotDelayedButItsOwnFailuresStillLockIt() {
		for (int failures = 0; failures <= 30; failures++) {
			State known = new State(failures, NOW, 0, null, NOW.minus(Duration.ofDays(30)), null, 0);
			assertThat(this.rules.waitFor(NOW, known)).as(failures + " failures elsewhere").isZero();
		}
		State longAgo = new State(7, NOW, 0, null, NOW.minus(Duration.ofDays(91)), null, 0);
		assertThat(this.rules.waitFor(NOW, longAgo)).isEqualTo(Duration.ofSeconds(8));
		State ownFailures = new State(10, NOW, 10, NOW, NOW.minus(Duration.ofDays(1)), null, 0);
		assertThat(this.rules.waitFor(NOW, ownFailures)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void anAddressIsLockedForAMinuteFromItsTenthFailureDoublingToAnHour() {
		long[] expected = { 1, 2, 4, 8, 16, 32, 60, 60, 60 };
		for (int i = 0; i < expected.length; i++) {
			int failures = 10 + i;
			State pair = new State(failures, NOW.minus(Duration.ofDays(2)), failures, NOW, null, null, 0);
			assertThat(this.rules.waitFor(NOW, pair)).as(failures + " failures")
				.isEqualTo(Duration.ofMinutes(expected[i]));
		}
		State nine = new State(9, NOW.minus(Duration.ofDays(2)), 9, NOW, null, null, 0);
		assertThat(this.rules.waitFor(NOW, nine)).isZero();
	}

	@Test
	void failuresAreForgottenADayAfterTheLastOne() {
		State yesterday = new State(40, NOW.minus(Duration.ofHours(25)), 40, NOW.minus(Duration.ofHours(25)), null,
				null, 0);
		assertThat(this.rules.waitFor(NOW, yesterday)).isZero();
		assertThat(ThrottleRules.afterFailure(40, NOW.minus(Duration.ofHours(25)), NOW)).isEqualTo(1);
		assertThat(ThrottleRules.afterFailure(40, NOW.minus(Duration.ofHours(23)), NOW)).isEqualTo(41);
		assertThat(ThrottleRules.afterFailure(0, null, NOW)).isEqualTo(1);
	}

	@Test
	void aboveTheCeilingOnlyAddressesThatFailedInTheWindowWait() {
		Instant addressFailed = NOW.minusSeconds(10);
		assertThat(this.rules.waitFor(NOW, new State(0, null, 0, null, null, addressFailed, 101)))
			.isEqualTo(Duration.ofSeconds(50));
		assertThat(this.rules.waitFor(NOW, new State(0, null, 0, null, null, addressFailed, 100))).isZero();
		assertThat(this.rules.waitFor(NOW, new State(0, null, 0, null, null, null, 5000))).isZero();
		assertThat(this.rules.waitFor(NOW, new State(0, null, 0, null, null, NOW.minus(Duration.ofMinutes(11)), 5000)))
			.isZero();
	}

	@Test
	void theLongestWaitApplies() {
		State all = new State(12, NOW, 12, NOW, null, NOW, 500);
		assertThat(this.rules.waitFor(NOW, all)).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void aFreshUsernameAndAddressGoAhead() {
		assertThat(this.rules.waitFor(NOW, State.FRESH)).isZero();
	}

}
