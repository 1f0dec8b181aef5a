package org.kimberleyprocess.portal.search;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class SearchTest {

	private static final String[] QUERIES = { "Kimberley", "diamonds", "valuation", "review", "Dubai", "Botswana",
			"Central African Republic", "monitoring", "Vice-Chair", "communiqué", "Plenary", "secretariat" };

	@Autowired
	MockMvc mvc;

	@Test
	void searchNeverReturnsAHitTheReaderCouldNotOpen() throws Exception {
		for (String username : new String[] { null, "hod-bw", "hod-cf", "wdc", "csc", "guest-gga", "wgm", "chair",
				"hod-in" }) {
			MockHttpSession session = username == null ? null : SignIn.as(this.mvc, username);
			Set<String> links = new LinkedHashSet<>();
			for (String query : QUERIES) {
				for (String type : new String[] { "", "COMMENT" }) {
					String page = this.mvc.perform(as(get("/search").param("q", query).param("type", type), session))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString();
					Jsoup.parse(page).select(".search-results a").forEach((a) -> links.add(a.attr("href")));
				}
			}
			assertThat(links).as("results for " + username).isNotEmpty();
			for (String link : links) {
				String target = link.replaceFirst("#.*$", "");
				if (target.matches("/documents/\\d+/comments/\\d+")) {
					target = this.mvc.perform(as(get(target), session))
						.andExpect(status().is3xxRedirection())
						.andReturn()
						.getResponse()
						.getRedirectedUrl()
						.replaceFirst("#.*$", "");
				}
				this.mvc.perform(as(get(target), session)).andExpect(status().isOk());
			}
		}
	}

	@Test
	void resultsFollowEachReadersRightsWithMarkedWords() throws Exception {
		this.mvc.perform(get("/search").param("q", "Luanda"))
			.andExpect(content().string(allOf(containsString("href=\"/communiques/2015-luanda-plenary\""),
					containsString("<mark>Luanda</mark>"))));
		this.mvc.perform(get("/search").param("q", "compliant zones"))
			.andExpect(content().string(not(containsString("Monitoring of exports from the compliant zones"))));
		this.mvc.perform(get("/search").param("q", "compliant zones").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(containsString("Monitoring of exports from the compliant zones")));
		this.mvc.perform(get("/search").param("q", "compliant zones").session(SignIn.as(this.mvc, "wdc")))
			.andExpect(content().string(not(containsString("Monitoring of exports from the compliant zones"))));
		this.mvc.perform(get("/search").param("q", "name the Participants").param("type", "COMMENT")
			.session(SignIn.as(this.mvc, "hod-in")))
			.andExpect(content().string(containsString("Botswana would like the communiqué")));
		this.mvc.perform(get("/search").param("q", "name the Participants").param("type", "COMMENT"))
			.andExpect(content().string(not(containsString("Botswana would like the communiqué"))));
		this.mvc.perform(get("/search").param("q", "Plenary meeting").param("type", "MEETING")
			.session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(containsString("Plenary meeting 2016")));
		this.mvc.perform(get("/search").param("q", "Plenary meeting").param("type", "MEETING"))
			.andExpect(content().string(not(containsString("Plenary meeting 2016"))));
		this.mvc.perform(get("/search").param("q", "x").param("type", "NOT_A_TYPE")).andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, MockHttpSession session) {
		return session == null ? request : request.session(session);
	}

}
