package org.kimberleyprocess.portal.shared;

import java.util.Arrays;
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

	/** The words of the query, or an empty string when none is long enough to search for. */
	public static String booleanModeWords(String query) {
		return Arrays.stream(query.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 3 && !STOPWORDS.contains(word.toLowerCase(Locale.ROOT)))
			.limit(10)
			.map((word) -> "+" + word + "*")
			.collect(Collectors.joining(" "));
	}

}
