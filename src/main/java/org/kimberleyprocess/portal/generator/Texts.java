package org.kimberleyprocess.portal.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible wording for generated texts, comments and people, drawn from a seeded random source
 * so that the same seed always writes the same portal. Every few texts touch on valuation, which
 * the benchmark searches for.
 */
final class Texts {

	static final String[] TOPICS = { "internal controls", "footprint analysis", "the submission of statistics",
			"artisanal and alluvial production", "the verification of certificates", "the valuation of rough diamonds",
			"mirror statistics", "annual reports", "review visits", "the compliant zones", "transit controls",
			"the chain of custody", "tamper-resistant containers", "import confirmations", "the KP certificate",
			"the administrative support mechanism", "a permanent secretariat", "peer review", "trade data",
			"production data", "expert missions", "capacity building", "customs cooperation", "money-laundering risks",
			"the participation of civil society", "industry self-regulation", "the System of Warranties",
			"enforcement", "the definition of conflict diamonds", "the core document of the Certification Scheme",
			"the rules of procedure", "the engagement with external organisations",
			"the reporting template", "the monitoring of exports", "diamond identification", "the cost of the Chair's office" };

	static final String[] TITLE_OPENINGS = { "Guidance note on", "Draft framework for", "Proposals on", "Report on",
			"Terms of reference for the study of", "Questionnaire on", "Options paper on", "Summary of discussions on",
			"Recommendations on", "Analysis of", "Progress report on", "Background paper on" };

	private static final String[] SUBJECTS = { "The Plenary", "The working group", "The committee", "The Chair",
			"The monitoring team", "The subgroup", "The meeting", "The review team", "The secretariat",
			"The Intersessional meeting" };

	private static final String[] VERBS = { "notes", "welcomes", "recalls", "encourages", "requests", "recommends",
			"takes note of", "reaffirms its commitment to", "underlines the importance of", "agrees to continue the work on",
			"invites the Participants to report on", "expresses concern about the delays in" };

	private static final String[] CLAUSES = { "in line with the core document of the Certification Scheme",
			"before the next Plenary meeting", "on the basis of the information received from the Participants",
			"taking into account the views of the Observers", "within the limits of the available resources",
			"with the support of the administrative support mechanism", "as agreed at the last Intersessional meeting",
			"in consultation with the working groups concerned", "while respecting the confidentiality of the data",
			"so that the annual reports are consistent and substantive", "building on the experience of earlier review visits",
			"and asks for a report at the next meeting" };

	private static final String[] COMMENT_OPENINGS = { "supports this paragraph.", "proposes to shorten this text.",
			"would welcome a clearer reference to the core document.", "asks the Chair to clarify the timeline.",
			"cannot support the wording as it stands.", "agrees with the previous speaker.",
			"suggests adding a reference to the last Plenary's decision.", "thanks the drafters for the revised text.",
			"notes that the figures for last year are still provisional.",
			"asks whether the working group has considered the cost of this proposal.",
			"would prefer to defer this point to the next meeting.",
			"recalls that this was discussed at the Intersessional meeting.",
			"proposes \"encourages\" instead of \"requests\".", "would like the Observers' views recorded here.",
			"can join consensus on this text.", "reserves its position until it has consulted its capital." };

	private static final String[] COMMENT_FOLLOW_UPS = { "A short footnote would be enough.",
			"The same point applies to the next paragraph.", "We will send a written proposal to the Chair.",
			"This is consistent with our annual report.", "Other delegations have raised the same concern.",
			"The text of the earlier version was clearer on this.", "We are flexible on the exact wording.",
			"The dates should match the calendar of meetings.",
			"The figures should be reported in US dollars per carat.", "Our experts are available to help.",
			"The subgroup on valuation could look at this." };

	private static final String[] FIRST_NAMES = { "Amina", "Thabo", "Lerato", "Kwame", "Fatou", "Chipo", "Tendai",
			"Olga", "Dmitri", "Anna", "Sergei", "Mei", "Wei", "Hiroshi", "Yuki", "Min-jun", "Priya", "Rahul", "Anil",
			"Sofia", "Lucas", "Marta", "Jan", "Eva", "Tomás", "Inês", "Jean", "Marie", "Pierre", "Camille", "Ahmed",
			"Layla", "Omar", "Noura", "David", "Sarah", "Michael", "Emily", "James", "Grace", "Samuel", "Esther",
			"Kofi", "Abena", "Moussa", "Aïssata", "Nikolai", "Irina", "Arman", "Gulnara", "Somchai", "Nguyen",
			"Linh", "Carlos", "Lucía", "Andrés", "Isabel", "Tiago", "Ana", "Mateus", "Kagiso", "Naledi", "Sipho" };

	private static final String[] SURNAMES = { "Mokoena", "Dlamini", "Okafor", "Mensah", "Diallo", "Traoré", "Banda",
			"Moyo", "Ivanova", "Petrov", "Smirnov", "Wang", "Li", "Tanaka", "Sato", "Kim", "Park", "Sharma", "Patel",
			"Iyer", "Rossi", "Müller", "Janssen", "Novák", "Silva", "Santos", "Dubois", "Martin", "Lefèvre", "Haddad",
			"Al Hashimi", "Nasser", "Cohen", "Levi", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Owusu",
			"Boateng", "Keïta", "Koné", "Nazarbayev", "Sultanov", "Chaiyaporn", "Tran", "Pham", "García",
			"Fernández", "López", "Pereira", "Costa", "Molefe", "Seretse", "Nkosi", "Hansen", "Larsen", "Jensen" };

	private final Random random;

	Texts(Random random) {
		this.random = random;
	}

	String pick(String[] words) {
		return words[this.random.nextInt(words.length)];
	}

	<T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	String topic() {
		return pick(TOPICS);
	}

	String personName() {
		return pick(FIRST_NAMES) + " " + pick(SURNAMES);
	}

	String sentence(String topic) {
		String sentence = pick(SUBJECTS) + " " + pick(VERBS) + " " + topic + " " + pick(CLAUSES) + ".";
		if (this.random.nextInt(400) == 0) {
			sentence += " A consistent valuation of rough diamonds remains a shared objective.";
		}
		return sentence;
	}

	String paragraph(String topic) {
		int sentences = 1 + this.random.nextInt(3);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < sentences; i++) {
			text.append(i == 0 ? "" : " ").append(sentence(i == 0 ? topic : topic()));
		}
		return text.toString();
	}

	/**
	 * A whole text: the title as first heading, then sections of paragraphs, numbered operative
	 * paragraphs, and now and then a table of figures.
	 */
	String document(String title, String topic, int year) {
		StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
		text.append(paragraph(topic)).append("\n\n");
		int sections = 2 + this.random.nextInt(3);
		List<String> used = new ArrayList<>();
		for (int s = 0; s < sections; s++) {
			String heading = capitalise(topic());
			while (used.contains(heading)) {
				heading = capitalise(topic()) + " (" + (used.size() + 1) + ")";
			}
			used.add(heading);
			text.append("## ").append(heading).append("\n\n");
			int paragraphs = 1 + this.random.nextInt(2);
			for (int p = 0; p < paragraphs; p++) {
				text.append(paragraph(topic)).append("\n\n");
			}
		}
		if (this.random.nextInt(3) == 0) {
			int items = 2 + this.random.nextInt(3);
			for (int i = 1; i <= items; i++) {
				text.append(i).append(". ").append(sentence(topic())).append("\n");
			}
			text.append("\n");
		}
		if (this.random.nextInt(6) == 0) {
			text.append("| Period | Carats | Value (USD) |\n|---|---|---|\n");
			for (int half = 1; half <= 2; half++) {
				text.append("| ").append(half == 1 ? "January–June " : "July–December ").append(year).append(" | ")
					.append(10_000 + this.random.nextInt(9_000_000)).append(" | ")
					.append(100_000 + this.random.nextInt(900_000_000)).append(" |\n");
			}
			text.append("\n");
		}
		return text.toString();
	}

	/** The next version of a text: a paragraph reworded, one added, or one dropped. */
	String revise(String markdown, String topic) {
		List<String> blocks = new ArrayList<>(List.of(markdown.strip().split("\n\n")));
		int paragraphs = 0;
		for (String block : blocks) {
			if (isPlainParagraph(block)) {
				paragraphs++;
			}
		}
		int changes = 1 + this.random.nextInt(2);
		for (int c = 0; c < changes; c++) {
			int at = 1 + this.random.nextInt(Math.max(1, blocks.size() - 1));
			int choice = this.random.nextInt(3);
			if (choice == 0 && at < blocks.size() && isPlainParagraph(blocks.get(at))) {
				blocks.set(at, paragraph(topic));
			}
			else if (choice == 1 || paragraphs < 3 || at >= blocks.size()) {
				blocks.add(Math.min(at, blocks.size()), paragraph(topic()));
			}
			else if (isPlainParagraph(blocks.get(at))) {
				blocks.remove(at);
				paragraphs--;
			}
			else {
				blocks.add(at, paragraph(topic));
			}
		}
		return String.join("\n\n", blocks) + "\n";
	}

	String comment(String organisation) {
		String text = organisation + " " + pick(COMMENT_OPENINGS);
		if (this.random.nextInt(3) == 0) {
			text += " " + pick(COMMENT_FOLLOW_UPS);
		}
		if (this.random.nextInt(60) == 0) {
			text += "\n\nWe would also like the subgroup on valuation to review the figures.";
		}
		return text;
	}

	String reply(String organisation) {
		String[] replies = { " thanks the delegation for this point.", " shares this view.",
				" does not see the need for this change.", " can accept this proposal.",
				" suggests discussing this in the margins of the meeting.", " agrees; the point is important.",
				" would like to see the proposed text in writing." };
		return organisation + pick(replies) + (this.random.nextInt(4) == 0 ? " " + pick(COMMENT_FOLLOW_UPS) : "");
	}

	private static boolean isPlainParagraph(String block) {
		return !block.startsWith("#") && !block.startsWith("|") && !Character.isDigit(block.charAt(0));
	}

	static String capitalise(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
