package org.kimberleyprocess.portal.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A version's stored HTML cut at the end of each block, so that a page can put each block's
 * discussion count beside it without parsing the text again. Versions never change, so the cut
 * is computed once per version and may be kept as long as wanted, on any number of nodes.
 *
 * @param parts the HTML in order; each part ends where a block ends and names that block
 */
public record VersionText(List<Part> parts) {

	/** HTML up to the end of a block (or the rest of the text, with no anchor). */
	public record Part(String html, String anchor) {
	}

	/**
	 * Cuts the sanitised HTML: inside a paragraph or list item (before its closing tag), so the
	 * count reads as part of it; after any other block (headings, tables, quotations), whose
	 * content model must stay as it is.
	 */
	static VersionText cut(String html, List<String> anchors) {
		List<Part> parts = new ArrayList<>();
		int from = 0;
		for (String anchor : anchors) {
			int at = html.indexOf("id=\"" + anchor + "\"", from);
			int open = (at < 0) ? -1 : html.lastIndexOf('<', at);
			if (open < from) {
				continue;
			}
			String tag = tagName(html, open + 1);
			int close = closingTag(html, tag, open);
			if (close < 0) {
				continue;
			}
			boolean inside = tag.equals("p") || tag.equals("li");
			int end = inside ? close : close + tag.length() + 3;
			parts.add(new Part(html.substring(from, end), anchor));
			from = end;
		}
		parts.add(new Part(html.substring(from), null));
		return new VersionText(List.copyOf(parts));
	}

	private static String tagName(String html, int from) {
		int end = from;
		while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
			end++;
		}
		return html.substring(from, end).toLowerCase(Locale.ROOT);
	}

	/** Where the element opened at {@code open} closes, counting elements of the same name nested in it. */
	private static int closingTag(String html, String tag, int open) {
		int depth = 0;
		int at = open;
		String opening = "<" + tag;
		String closing = "</" + tag + ">";
		while (at >= 0 && at < html.length()) {
			int nextOpen = html.indexOf(opening, at);
			while (nextOpen >= 0 && !endsName(html, nextOpen + opening.length())) {
				nextOpen = html.indexOf(opening, nextOpen + 1);
			}
			int nextClose = html.indexOf(closing, at);
			if (nextClose < 0) {
				return -1;
			}
			if (nextOpen >= 0 && nextOpen < nextClose) {
				depth++;
				at = nextOpen + opening.length();
			}
			else {
				depth--;
				if (depth == 0) {
					return nextClose;
				}
				at = nextClose + closing.length();
			}
		}
		return -1;
	}

	private static boolean endsName(String html, int at) {
		if (at >= html.length()) {
			return false;
		}
		char next = html.charAt(at);
		return next == '>' || next == ' ' || next == '/' || next == '\n';
	}

}
