package org.kimberleyprocess.portal.annualreports;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's text cut at its second-level headings ({@code ## }): section {@code n} is the
 * n-th such heading with what follows it up to the next. Text before the first heading belongs
 * to no section and is shown only with the whole report.
 */
record ReportSections(List<Part> sections) {

	record Part(int position, String heading, String markdown) {
	}

	static ReportSections of(String markdown) {
		List<Part> parts = new ArrayList<>();
		String heading = null;
		StringBuilder body = new StringBuilder();
		boolean fenced = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.startsWith("```") || line.startsWith("~~~")) {
				fenced = !fenced;
			}
			if (!fenced && line.startsWith("## ")) {
				if (heading != null) {
					parts.add(new Part(parts.size(), heading, body.toString()));
				}
				heading = line.substring(3).strip();
				body.setLength(0);
			}
			body.append(line).append('\n');
		}
		if (heading != null) {
			parts.add(new Part(parts.size(), heading, body.toString()));
		}
		return new ReportSections(List.copyOf(parts));
	}

	int count() {
		return this.sections.size();
	}

}
