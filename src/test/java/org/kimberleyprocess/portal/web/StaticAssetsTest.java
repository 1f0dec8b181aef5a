package org.kimberleyprocess.portal.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages link to assets under content-hashed names, which browsers keep for a year, signed in or not. */
@PortalTest
class StaticAssetsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aSignedInPageLinksToHashedAssetsThatAreCachedForAYear() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		Document page = Jsoup.parse(this.mvc.perform(get("/documents").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String css = page.select("link[rel=stylesheet]").attr("href");
		String js = page.select("script[src]").attr("src");
		assertThat(css).matches("/css/portal-[0-9a-f]{32}\\.css");
		assertThat(js).matches("/js/portal-[0-9a-f]{32}\\.js");
		for (String asset : new String[] { css, js }) {
			this.mvc.perform(get(asset).session(session))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		}
		this.mvc.perform(get("/css/portal-00000000000000000000000000000000.css")).andExpect(status().isNotFound());
		this.mvc.perform(get("/favicon.ico"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", startsWith("max-age=")));
	}

	@Test
	void publicPagesCarryWeakETagsSoTheyCanBeCompressed() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(header().string("ETag", startsWith("W/\"")));
		this.mvc.perform(get("/communiques")).andExpect(status().isOk()).andExpect(header().string("ETag", startsWith("W/\"")));
	}

}
