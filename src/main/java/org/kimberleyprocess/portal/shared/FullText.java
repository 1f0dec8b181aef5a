package org.kimberleyprocess.portal.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns what a reader typed into a MariaDB FULLTEXT boolean-mode query: every word required, as a prefix. */
public final class FullText {

	/** InnoDB's default stopwords of three letters or more: required, they would match nothing. */
	private static final Set<String> STOPWORDS = Set.of("about", "are", "com", "for", "from", "how", "that", "the",
			"this", "was", "what", "when", "where", "who", "will", "with", "und", "www");

	private FullText() {
	}

	/** Whether every word of the query (two letters or more) occurs in one of the texts, ignoring case. */
	public static boolean matchesAll(String query, String... texts) {
		String haystack = String.join(" ", Arrays.stream(texts).map((text) -> text == null ? "" : text).toList())
			.toLowerCase(Locale.ROOT);
		List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 2)
			.toList();
		return !words.isEmpty() && words.stream().allMatch(haystack::contains);
	}

	/** The words a search looks for: three letters or more, stopwords left out. */
	public static List<String> searchWords(String query) {
		return Arrays.stream(query.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 3 && !STOPWORDS.contains(word.toLowerCase(Locale.ROOT)))
			.limit(10)
			.toList();
	}

	/** The words of the query, or an empty string when none is long enough to search for. */
	public static String booleanModeWords(String query) {
		return searchWords(query).stream().map((word) -> "+" + word + "*").collect(Collectors.joining(" "));
	}

}
