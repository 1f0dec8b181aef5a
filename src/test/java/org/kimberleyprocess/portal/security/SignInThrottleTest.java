package org.kimberleyprocess.portal.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.shared.PortalClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The sign-in throttle through the sign-in form, with attempts from chosen client addresses and
 * the portal's clock moved past each wait.
 */
@PortalTest
class SignInThrottleTest {

	/** Where the people whose accounts these are usually sign in. */
	private static final String OFFICE = "198.51.100.20";

	/** Where someone guesses their passwords. */
	private static final String GUESSER = "203.0.113.66";

	/** Somewhere the right person has not signed in from before. */
	private static final String HOTEL = "192.0.2.77";

	@Autowired
	MockMvc mvc;

	@Autowired
	PortalClock clock;

	@Autowired
	JdbcTemplate jdbc;

	private Instant start;

	@BeforeEach
	void rememberTheTime() {
		this.start = this.clock.instant();
	}

	@AfterEach
	void forgetFailures() {
		this.clock.travelTo(this.start);
		ThrottleTesting.forgetEverything(this.jdbc);
	}

	@Test
	void aFewFailuresMakeTheUsernameWaitSecondsThenTheRightPasswordWorks() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			ThrottleTesting.signIn(this.mvc, "hod-am", "guess-" + attempt, GUESSER).andExpect(redirectedUrl("/login?error"));
		}
		MvcResult refused = ThrottleTesting.signIn(this.mvc, "hod-am", SignIn.DEMO_PASSWORD, GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andExpect(unauthenticated())
			.andReturn();
		this.mvc.perform(get("/login").param("locked", "").session(session(refused)))
			.andExpect(content().string(matchesPattern(
					"(?s).*Too many failed attempts to sign in\\. Wait (1 second|2 seconds), then try again\\..*")));

		travel(Duration.ofSeconds(3));
		ThrottleTesting.signIn(this.mvc, "hod-am", SignIn.DEMO_PASSWORD, GUESSER)
			.andExpect(redirectedUrl("/home"))
			.andExpect(authenticated().withUsername("hod-am"));
	}

	@Test
	void aSuccessfulSignInForgetsTheFailuresBeforeIt() throws Exception {
		for (int attempt = 1; attempt <= 4; attempt++) {
			ThrottleTesting.signIn(this.mvc, "hod-bd", "guess-" + attempt, HOTEL).andExpect(redirectedUrl("/login?error"));
		}
		ThrottleTesting.signIn(this.mvc, "hod-bd", SignIn.DEMO_PASSWORD, HOTEL).andExpect(redirectedUrl("/home"));
		for (int attempt = 1; attempt <= 4; attempt++) {
			ThrottleTesting.signIn(this.mvc, "hod-bd", "typo-" + attempt, HOTEL).andExpect(redirectedUrl("/login?error"));
		}
	}

	@Test
	void wrongPasswordsFromElsewhereCannotLockTheChairOut() throws Exception {
		ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, OFFICE).andExpect(redirectedUrl("/home"));
		for (int failure = 1; failure <= 12; failure++) {
			fail("chair", GUESSER);
		}
		MvcResult locked = ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andExpect(unauthenticated())
			.andReturn();
		assertThat(waitSeconds(locked)).as("the guesser's address is locked for minutes").isGreaterThan(120);

		MvcResult delayed = ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, HOTEL)
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn();
		assertThat(waitSeconds(delayed)).as("a new address waits a minute at most").isBetween(1L, 60L);
		ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, OFFICE)
			.andExpect(redirectedUrl("/home"))
			.andExpect(authenticated().withUsername("chair"));

		travel(Duration.ofSeconds(waitSeconds(delayed) + 1));
		ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, HOTEL)
			.andExpect(redirectedUrl("/home"))
			.andExpect(authenticated().withUsername("chair"));
		ThrottleTesting.signIn(this.mvc, "chair", SignIn.DEMO_PASSWORD, GUESSER).andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void theLockOfAnAddressDoublesWithEachFurtherFailure() throws Exception {
		for (int failure = 1; failure <= 10; failure++) {
			fail("hod-br", GUESSER);
		}
		long first = waitSeconds(ThrottleTesting.signIn(this.mvc, "hod-br", "again", GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn());
		assertThat(first).isBetween(50L, 60L);
		fail("hod-br", GUESSER);
		long second = waitSeconds(ThrottleTesting.signIn(this.mvc, "hod-br", "again", GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn());
		assertThat(second).isBetween(110L, 120L);
		MvcResult refused = ThrottleTesting.signIn(this.mvc, "hod-br", SignIn.DEMO_PASSWORD, GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn();
		this.mvc.perform(get("/login").param("locked", "").session(session(refused)))
			.andExpect(content().string(matchesPattern("(?s).*Wait 2 minutes, then try again\\..*")));
	}

	@Test
	void anUnknownUsernameIsThrottledExactlyLikeAKnownOne() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			ThrottleTesting.signIn(this.mvc, "ghost", "guess", GUESSER).andExpect(redirectedUrl("/login?error"));
			ThrottleTesting.signIn(this.mvc, "hod-by", "guess", GUESSER).andExpect(redirectedUrl("/login?error"));
		}
		ThrottleTesting.signIn(this.mvc, "ghost", "guess", GUESSER).andExpect(redirectedUrl("/login?locked"));
		ThrottleTesting.signIn(this.mvc, "hod-by", "guess", GUESSER).andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void guessesSentTogetherCannotSlipPastTheDelay() throws Exception {
		for (int failure = 1; failure <= 8; failure++) {
			fail("hod-cd", GUESSER);
		}
		travel(Duration.ofHours(1));
		Map<String, Long> answers = together(20, (attempt) -> ThrottleTesting
			.signIn(this.mvc, "hod-cd", "guess-" + attempt, "203.0.113.20"));
		assertThat(answers).as("only the first is checked; after it the username waits 32 seconds")
			.containsEntry("/login?error", 1L)
			.containsEntry("/login?locked", 19L);
	}

	@Test
	void guessesSentTogetherCannotSlipPastTheLock() throws Exception {
		ThrottleTesting.signIn(this.mvc, "hod-cg", SignIn.DEMO_PASSWORD, OFFICE).andExpect(redirectedUrl("/home"));
		Map<String, Long> answers = together(30,
				(attempt) -> ThrottleTesting.signIn(this.mvc, "hod-cg", "guess-" + attempt, OFFICE));
		assertThat(answers).as("ten are checked, then the address is locked for a minute")
			.containsEntry("/login?error", 10L)
			.containsEntry("/login?locked", 20L);
	}

	@Test
	void duringAPasswordSprayEveryAddressThatFailsWaitsButOthersSignIn() throws Exception {
		LocalDateTime minute = LocalDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.MINUTES),
				ZoneOffset.UTC);
		this.jdbc.update("INSERT INTO sign_in_failures (minute_start, failures) VALUES (?, 150)", minute);

		ThrottleTesting.signIn(this.mvc, "hod-ch", "Summer2016!!", GUESSER).andExpect(redirectedUrl("/login?error"));
		MvcResult slowed = ThrottleTesting.signIn(this.mvc, "hod-ci", "Summer2016!!", GUESSER)
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn();
		assertThat(waitSeconds(slowed)).isBetween(50L, 60L);
		ThrottleTesting.signIn(this.mvc, "hod-ci", SignIn.DEMO_PASSWORD, HOTEL).andExpect(redirectedUrl("/home"));

		travel(Duration.ofSeconds(61));
		ThrottleTesting.signIn(this.mvc, "hod-ci", "Summer2016!!", GUESSER).andExpect(redirectedUrl("/login?error"));
	}

	/** One more counted failure for the username from the address, waiting first if it must. */
	private void fail(String username, String address) throws Exception {
		for (int tries = 0; tries < 3; tries++) {
			MvcResult result = ThrottleTesting.signIn(this.mvc, username, "wrong-" + tries, address).andReturn();
			if ("/login?error".equals(result.getResponse().getRedirectedUrl())) {
				return;
			}
			travel(Duration.ofSeconds(waitSeconds(result) + 1));
		}
		throw new AssertionError("The throttle never let the attempt through");
	}

	private Map<String, Long> together(int attempts, Attempt attempt) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(attempts);
		try {
			CountDownLatch ready = new CountDownLatch(attempts);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int number = i;
				Callable<String> call = () -> {
					ready.countDown();
					go.await();
					return attempt.send(number).andReturn().getResponse().getRedirectedUrl();
				};
				answers.add(threads.submit(call));
			}
			ready.await();
			go.countDown();
			List<String> urls = new ArrayList<>();
			for (Future<String> answer : answers) {
				urls.add(answer.get());
			}
			return urls.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void travel(Duration duration) {
		this.clock.travelTo(this.clock.instant().plus(duration));
	}

	private static long waitSeconds(MvcResult refused) {
		Object seconds = refused.getRequest().getSession().getAttribute(SecurityConfiguration.SIGN_IN_WAIT);
		assertThat(seconds).as("the wait is kept for the sign-in page").isInstanceOf(Long.class);
		return (Long) seconds;
	}

	private static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@FunctionalInterface
	private interface Attempt {

		org.springframework.test.web.servlet.ResultActions send(int number) throws Exception;

	}

}
