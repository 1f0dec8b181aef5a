package org.kimberleyprocess.portal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A short extract of a text around the first word searched for, cut into runs that are or are
 * not among the words, so the page can mark them; pages print the runs as text, never as markup.
 */
public record Snippet(List<Run> runs) {

	private static final int BEFORE = 60;

	private static final int LENGTH = 220;

	public record Run(String text, boolean match) {
	}

	static Snippet of(String text, String query) {
		String source = (text == null) ? "" : text;
		List<String> words = org.kimberleyprocess.portal.shared.FullText.searchWords(query)
			.stream()
			.map(Pattern::quote)
			.toList();
		Pattern pattern = words.isEmpty() ? null : Pattern.compile(words.stream().collect(Collectors.joining("|")),
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		// Only a generous stretch of the text around the first match is cleaned: a text may be long.
		Matcher inSource = (pattern == null) ? null : pattern.matcher(source);
		int around = (inSource != null && inSource.find()) ? inSource.start() : 0;
		int from = Math.max(0, around - 4 * BEFORE);
		int to = Math.min(source.length(), around + 4 * LENGTH);
		String plain = source.substring(from, to).replaceAll("[#>*_`|\\[\\]]+", " ").replaceAll("\\s+", " ").strip();
		boolean cutBefore = from > 0;
		boolean cutAfter = to < source.length();
		if (pattern == null || plain.isEmpty()) {
			return new Snippet(List.of(new Run((cutBefore ? "…" : "")
					+ (plain.length() > LENGTH ? plain.substring(0, LENGTH) + "…" : plain + (cutAfter ? "…" : "")),
					false)));
		}
		Matcher first = pattern.matcher(plain);
		int start = first.find() ? Math.max(0, first.start() - BEFORE) : 0;
		int end = Math.min(plain.length(), start + LENGTH);
		String window = (start > 0 || cutBefore ? "…" : "") + plain.substring(start, end)
				+ (end < plain.length() || cutAfter ? "…" : "");
		List<Run> runs = new ArrayList<>();
		Matcher matcher = pattern.matcher(window);
		int at = 0;
		while (matcher.find()) {
			if (matcher.start() > at) {
				runs.add(new Run(window.substring(at, matcher.start()), false));
			}
			runs.add(new Run(matcher.group(), true));
			at = matcher.end();
		}
		if (at < window.length()) {
			runs.add(new Run(window.substring(at), false));
		}
		return new Snippet(runs);
	}


}
