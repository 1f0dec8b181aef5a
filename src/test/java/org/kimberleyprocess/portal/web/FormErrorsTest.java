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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A form sent back lists its problems once per field and in the order the form shows its fields. */
@PortalTest
class FormErrorsTest {

	private static final Pattern SUMMARY_LINK = Pattern.compile("<a href=\"#([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	/** A form shown again at the address it was sent to leaves that address safe to reload or bookmark. */
	@Test
	void aFormsAddressOpenedAgainLeadsToItsPage() throws Exception {
		var chair = SignIn.as(this.mvc, "chair");
		this.mvc.perform(get("/documents/2/comments").session(chair))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/documents/2"));
		this.mvc.perform(get("/documents/2/consensus/rounds/1/positions").session(chair))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/documents/2/consensus"));
		this.mvc.perform(get("/statistics/returns/bw/2016/production/1/csv").session(chair))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/statistics/returns/bw/2016/production/1"));
		this.mvc.perform(delete("/documents/2/comments").session(chair).with(csrf()))
			.andExpect(status().isMethodNotAllowed());
	}

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
