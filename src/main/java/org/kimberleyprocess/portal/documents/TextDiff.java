package org.kimberleyprocess.portal.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;


/**
 * Word-level differences between two texts, computed on the server: per line, the segments
 * kept, removed and added, as one merged column (inline) and two columns (side by side). Pages
 * print the segments as text, so no markup from the texts ever reaches the page.
 */
public final class TextDiff {

	private static final String DEL_OPEN = "\u0001";

	private static final String DEL_CLOSE = "\u0002";

	private static final String INS_OPEN = "\u0003";

	private static final String INS_CLOSE = "\u0004";

	private TextDiff() {
	}

	public static List<Line> between(String from, String to) {
		List<String> original = from.lines().toList();
		List<String> revised = to.lines().toList();
		List<DiffRow> merged = generator(true).generateDiffRows(original, revised);
		List<DiffRow> split = generator(false).generateDiffRows(original, revised);
		return java.util.stream.IntStream.range(0, split.size())
			.mapToObj((i) -> new Line(split.get(i).getTag().name(), segments(split.get(i).getOldLine()),
					segments(split.get(i).getNewLine()), segments(merged.get(i).getOldLine())))
			.toList();
	}

	private static DiffRowGenerator generator(boolean merge) {
		Function<Boolean, String> oldTag = (open) -> open ? DEL_OPEN : DEL_CLOSE;
		Function<Boolean, String> newTag = (open) -> open ? INS_OPEN : INS_CLOSE;
		return DiffRowGenerator.create()
			.showInlineDiffs(true)
			.inlineDiffByWord(true)
			.mergeOriginalRevised(merge)
			.lineNormalizer(Function.identity())
			.oldTag(oldTag)
			.newTag(newTag)
			.build();
	}

	private static List<Segment> segments(String line) {
		List<Segment> segments = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		String kind = "same";
		for (char c : (line == null ? "" : line).toCharArray()) {
			String next = switch (String.valueOf(c)) {
				case DEL_OPEN -> "removed";
				case INS_OPEN -> "added";
				case DEL_CLOSE, INS_CLOSE -> "same";
				default -> null;
			};
			if (next == null) {
				text.append(c);
				continue;
			}
			if (!text.isEmpty()) {
				segments.add(new Segment(kind, text.toString()));
				text.setLength(0);
			}
			kind = next;
		}
		if (!text.isEmpty()) {
			segments.add(new Segment(kind, text.toString()));
		}
		return segments;
	}

	/** A run of text that is the same in both versions, removed from the older or added in the newer. */
	public record Segment(String kind, String text) {
	}

	/** One line of the comparison. */
	public record Line(String tag, List<Segment> oldSegments, List<Segment> newSegments, List<Segment> inline) {

		public boolean changed() {
			return !"EQUAL".equals(this.tag);
		}

	}

}
