package org.kimberleyprocess.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A form sent back lists its problems once per field and in the order the form shows its fields. */
@PortalTest
class FormErrorsTest {

	private static final Pattern SUMMARY_LINK = Pattern.compile("<a href=\"#([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theErrorSummaryFollowsTheFormsOrderAndNamesEachFieldOnce() throws Exception {
		for (int attempt = 0; attempt < 5; attempt++) {
			String page = this.mvc.perform(post("/documents").session(SignIn.as(this.mvc, "chair"))
				.with(csrf())
				.param("title", "")
				.param("year", "1999")
				.param("text", "")
				.param("changeNote", "x".repeat(501)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			String summary = page.substring(page.indexOf("class=\"error-summary\""), page.indexOf("</ul>",
					page.indexOf("class=\"error-summary\"")));
			List<String> fields = SUMMARY_LINK.matcher(summary).results().map((match) -> match.group(1)).toList();
			assertThat(fields).containsExactly("title", "type", "body", "year", "confidentiality", "text", "changeNote");
			List<Integer> onThePage = fields.stream().map((field) -> page.indexOf("id=\"" + field + "\"")).toList();
			assertThat(onThePage).as("the fields' places on the page").isSorted().doesNotContain(-1);
		}
	}

}
