package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn as inline SVG by the template: one bar per
 * label, its length proportional to the value, the value written beside it so the chart reads
 * without colour and prints legibly.
 */
public record BarChart(String id, List<Bar> bars, int width, int height) {

	static final int LABEL_WIDTH = 220;

	static final int BAR_AREA = 300;

	static final int ROW_HEIGHT = 24;

	static final int BAR_HEIGHT = 16;

	/** {@code labels} and {@code values} in the order shown; {@code texts} the formatted values. */
	static BarChart of(String id, List<String> labels, List<BigDecimal> values, List<String> texts) {
		BigDecimal max = values.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::max);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			BigDecimal value = values.get(i) == null ? BigDecimal.ZERO : values.get(i);
			int length = max.signum() == 0 ? 0
					: value.multiply(BigDecimal.valueOf(BAR_AREA)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			int y = i * ROW_HEIGHT;
			bars.add(new Bar(shorten(labels.get(i)), texts.get(i), y, y + BAR_HEIGHT - 3, length,
					LABEL_WIDTH + length + 6));
		}
		return new BarChart(id, bars, LABEL_WIDTH + BAR_AREA + 130, Math.max(labels.size(), 1) * ROW_HEIGHT);
	}

	private static String shorten(String label) {
		return label.length() <= 30 ? label : label.substring(0, 29) + "…";
	}

	public boolean empty() {
		return this.bars.isEmpty();
	}

	public int labelWidth() {
		return LABEL_WIDTH;
	}

	public int barHeight() {
		return BAR_HEIGHT;
	}

	/** A bar: its label and value text, its top, the text baseline, its length and where its value is written. */
	public record Bar(String label, String text, int y, int baseline, int length, int valueX) {
	}

}
