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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class SearchTest {

	private static final String[] QUERIES = { "Kimberley", "diamonds", "valuation", "review", "Dubai", "Botswana",
			"Central African Republic", "monitoring", "Vice-Chair", "communiqué", "Plenary", "secretariat" };

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

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

	/**
	 * Each page reads only as many hits of each kind as it and the pages before it show; the pages
	 * still cut one list: page after page gives what one longer page gives, in the same order,
	 * nothing twice and nothing left out, and the last page has no next link.
	 */
	@Test
	void pagesOfResultsCutOneListNewestFirst() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		java.util.List<String> all = links(session, "Kimberley", 0, 20);
		assertThat(all).as("the results of a common word").hasSizeGreaterThan(6).hasSizeLessThan(20);
		// Fewer results than a page holds are counted.
		assertThat(body(session, "Kimberley", 0, 20)).contains(all.size() + " results</p>")
			.doesNotContain("rel=\"next\"");
		java.util.List<String> paged = new java.util.ArrayList<>();
		int pages = (all.size() + 2) / 3;
		for (int page = 0; page < pages; page++) {
			paged.addAll(links(session, "Kimberley", page, 3));
		}
		assertThat(paged).containsExactlyElementsOf(all);
		assertThat(body(session, "Kimberley", 0, 3)).contains("Results 1 to 3").contains("rel=\"next\"")
			.doesNotContain("rel=\"prev\"");
		assertThat(body(session, "Kimberley", 1, 3)).contains("Results 4 to 6").contains("rel=\"prev\"");
		assertThat(body(session, "Kimberley", pages - 1, 3)).doesNotContain("rel=\"next\"");
		// A page far past the last shows the last.
		assertThat(links(session, "Kimberley", 10_000, 3)).containsExactlyElementsOf(paged.subList(3 * (pages - 1), all.size()));
	}

	private String body(MockHttpSession session, String query, int page, int size) throws Exception {
		return this.mvc
			.perform(get("/search").session(session)
				.param("q", query)
				.param("page", String.valueOf(page))
				.param("size", String.valueOf(size)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private java.util.List<String> links(MockHttpSession session, String query, int page, int size)
			throws Exception {
		return Jsoup.parse(body(session, query, page, size)).select(".search-results h2 a").eachAttr("href");
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

	/**
	 * Full-text matches are kept for a few seconds, but what a reader may see is decided on every
	 * search: a comment hidden by the Chair's office, or a document no longer shared with a guest,
	 * leaves the results of the very next search.
	 */
	@Test
	void keptMatchesNeverOutliveModerationOrSharing() throws Exception {
		MockHttpSession chair = SignIn.as(this.mvc, "chair");
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		long communique = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ? ORDER BY id LIMIT 1",
				Long.class, "Kimberley Process Plenary, Dubai, 13\u201317 November 2016: Final Communiqu\u00e9");
		String word = "quokkaflux" + Long.toString(System.nanoTime(), 36);
		String location = this.mvc.perform(post("/documents/{id}/comments", communique).session(botswana)
			.with(csrf())
			.param("text", "A remark on " + word + "."))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long comment = Long.parseLong(location.replaceFirst(".*#comment-", ""));
		this.mvc.perform(get("/search").param("q", word).session(botswana))
			.andExpect(content().string(containsString("/comments/" + comment)));
		this.mvc.perform(get("/search").param("q", word).session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(content().string(containsString("/comments/" + comment)));
		this.mvc.perform(post("/documents/{id}/comments/{c}/hide", communique, comment).session(chair)
			.with(csrf())
			.param("reason", "Off topic."));
		this.mvc.perform(get("/search").param("q", word).session(botswana))
			.andExpect(content().string(not(containsString("/comments/" + comment))));

		long guest = this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'gga'", Long.class);
		MockHttpSession guestSession = SignIn.as(this.mvc, "guest-gga");
		this.mvc.perform(get("/search").param("q", "Dubai Final").param("type", "DOCUMENT").session(guestSession))
			.andExpect(content().string(containsString("/documents/" + communique + "\"")));
		try {
			this.mvc.perform(post("/documents/{id}/shares", communique).session(chair)
				.with(csrf())
				.param("organisation", String.valueOf(guest))
				.param("shared", "false"));
			this.mvc.perform(get("/search").param("q", "Dubai Final").param("type", "DOCUMENT").session(guestSession))
				.andExpect(content().string(not(containsString("/documents/" + communique + "\""))));
		}
		finally {
			this.mvc.perform(post("/documents/{id}/shares", communique).session(chair)
				.with(csrf())
				.param("organisation", String.valueOf(guest))
				.param("shared", "true"));
		}
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, MockHttpSession session) {
		return session == null ? request : request.session(session);
	}

}
