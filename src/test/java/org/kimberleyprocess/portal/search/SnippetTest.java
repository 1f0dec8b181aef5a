package org.kimberleyprocess.portal.search;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A search hit quotes the text around the first word searched for, with the words marked. */
class SnippetTest {

	@Test
	void aLongTextIsQuotedAroundItsFirstMatchWithTheWordsMarked() {
		String text = "# Annex\n\n" + "The Plenary notes the reports. ".repeat(3000)
				+ "On the **valuation** of rough diamonds, the Plenary agrees. " + "It thanks the Chair. ".repeat(3000);
		Snippet snippet = Snippet.of(text, "valuation");
		String quoted = snippet.runs().stream().map(Snippet.Run::text).collect(Collectors.joining());
		assertThat(quoted).startsWith("…").endsWith("…").contains("On the valuation of rough diamonds")
			.doesNotContain("**").doesNotContain("#");
		assertThat(quoted.length()).isLessThan(240);
		assertThat(snippet.runs()).filteredOn(Snippet.Run::match).extracting(Snippet.Run::text).containsExactly("valuation");
	}

	@Test
	void aTextWithoutTheWordsIsQuotedFromItsStart() {
		Snippet snippet = Snippet.of("# Decision\n\nThe Plenary decides. ".repeat(200), "valuation");
		String quoted = snippet.runs().stream().map(Snippet.Run::text).collect(Collectors.joining());
		assertThat(quoted).startsWith("Decision The Plenary decides.").endsWith("…");
		assertThat(snippet.runs()).noneMatch(Snippet.Run::match);
		assertThat(Snippet.of("Short text on valuation.", "valuation").runs()).extracting(Snippet.Run::text)
			.containsExactly("Short text on ", "valuation", ".");
	}

}
