package org.kimberleyprocess.portal.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * The one rule for every password a person chooses or is given (OWASP ASVS 5.0, 6.2): at least
 * 12 characters and at most 128, counted in Unicode code points so that a letter with an accent
 * or a character of any script counts once; no rule on the kinds of characters; not the
 * username; and not one of the 100,000 most common passwords found in breaches, compared
 * without regard to case. Length does the work that composition rules only pretend to do, and
 * the list refuses what attackers try first.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/** The most common breached passwords, most common first; see the README for its source. */
	static final String COMMON_PASSWORDS = "security/common-passwords.txt.gz";

	/**
	 * Words an attacker tries first against this portal (ASVS 6.1.2): its own names and the
	 * scheme's. A password made of them, the username and filler (digits, punctuation, repeats)
	 * is refused; one that merely contains them among other words of its own is not.
	 */
	static final List<String> CONTEXT_WORDS = List.of("kimberleyprocess", "kimberley", "process", "kpcs",
			"certification", "scheme", "diamonds", "diamond", "rough", "conflict", "plenary", "intersessional",
			"portal", "chair", "delegation", "delegate", "participant", "observer", "password", "motdepasse");

	/** What remains once the context words, the username and filler are taken away must be this long. */
	private static final int CONTEXT_REMAINDER = 8;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = loadCommonPasswords();
	}

	/**
	 * Refuses a password that breaks the rule, naming the form field it came from and a message
	 * that says which part of the rule it breaks.
	 * @param field the form field to put the refusal on
	 * @param password the password as typed, never trimmed
	 * @param username the account's username, which the password may not repeat
	 * @throws InvalidInputException when the password may not be used
	 */
	public void check(String field, String password, String username) {
		Refusal refusal = refusal(password, username);
		if (refusal != null) {
			throw new InvalidInputException(field, refusal.messageCode, MIN_LENGTH, MAX_LENGTH);
		}
	}

	/** Whether the password may be used for that username. */
	public boolean allows(String password, String username) {
		return refusal(password, username) == null;
	}

	private Refusal refusal(String password, String username) {
		int length = (password == null) ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Refusal.TOO_SHORT;
		}
		if (length > MAX_LENGTH) {
			return Refusal.TOO_LONG;
		}
		if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
			return Refusal.USERNAME;
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			return Refusal.COMMON;
		}
		if (madeOfContextWords(password, username)) {
			return Refusal.CONTEXT;
		}
		return null;
	}

	private static boolean madeOfContextWords(String password, String username) {
		String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
		String rest = letters;
		if (username != null) {
			for (String part : username.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
				if (part.length() >= 3) {
					rest = rest.replace(part, "");
				}
			}
		}
		for (String word : CONTEXT_WORDS) {
			rest = rest.replace(word, "");
		}
		return !rest.equals(letters) && rest.codePointCount(0, rest.length()) < CONTEXT_REMAINDER;
	}

	/**
	 * Only the entries the length rule does not already refuse are kept in memory: of the
	 * 100,000, fewer than 500 have 12 code points or more, so the list costs a few kilobytes of
	 * heap instead of several megabytes.
	 */
	private static Set<String> loadCommonPasswords() {
		Set<String> kept = new HashSet<>();
		try (InputStream in = new ClassPathResource(COMMON_PASSWORDS).getInputStream();
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.codePointCount(0, line.length()) >= MIN_LENGTH) {
					kept.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + COMMON_PASSWORDS, ex);
		}
		if (kept.isEmpty()) {
			throw new IllegalStateException(COMMON_PASSWORDS + " holds no password the length rule lets through");
		}
		return Set.copyOf(kept);
	}

	/** Each part of the rule, with the message that names it (given the least and most lengths). */
	private enum Refusal {

		TOO_SHORT("password.rule.short"), TOO_LONG("password.rule.long"), USERNAME("password.rule.username"),
		COMMON("password.rule.common"), CONTEXT("password.rule.context");

		private final String messageCode;

		Refusal(String messageCode) {
			this.messageCode = messageCode;
		}

	}

}
