package org.kimberleyprocess.portal.statistics;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class MirrorCheckTest {

	private static final List<Integer> YEARS = List.of(2005, 2006, 2012);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeRows() {
		new StatisticsRows(this.jdbc).removeYears(YEARS);
	}

	/**
	 * Q1 2012: Botswana's exports to Canada match Canada's imports; its exports to Russia are 20 %
	 * above Russia's imports; Canada's exports to the EU were never reported by the EU.
	 */
	private void plant() {
		StatisticsRows rows = new StatisticsRows(this.jdbc);
		long bw = rows.version("bw", "TRADE", 2012, 1);
		rows.trade(bw, "EXPORT", "ca", "100", "10000", 2);
		rows.trade(bw, "EXPORT", "ru", "100", "10000", 2);
		long ca = rows.version("ca", "TRADE", 2012, 1);
		rows.trade(ca, "IMPORT", "bw", "100", "10000", 2);
		rows.trade(ca, "EXPORT", "eu", "50", "5000", 1);
		long ru = rows.version("ru", "TRADE", 2012, 1);
		rows.trade(ru, "IMPORT", "bw", "80", "10000", 2);
	}

	@Test
	void theMirrorCheckListsDifferencesAndOneSidedPairsButNotMatchingOnes() throws Exception {
		plant();
		MockHttpSession member = SignIn.as(this.mvc, "hod-bw");
		String page = this.mvc.perform(get("/statistics/mirror").param("year", "2012").session(member))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Mirror differences 2012 (2 pairs)"),
					containsString("Russian Federation"), containsString("European Union"),
					containsString("Not reported"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("the matching pair Botswana → Canada is not listed")
			.doesNotContainPattern("Botswana</th>\\s*<td>Canada");
		this.mvc.perform(get("/statistics/mirror").param("year", "2012").param("period", "2").session(member))
			.andExpect(content().string(containsString("No difference above the threshold.")));
		this.mvc.perform(get("/statistics").session(member))
			.andExpect(content().string(allOf(containsString("href=\"/statistics/mirror\""),
					containsString("href=\"/statistics/returns\""))));
	}

	@Test
	void theGroupViewsAreForTheGroupAndTheChairsOfficeOnly() throws Exception {
		this.mvc.perform(get("/statistics/mirror")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/statistics/missing")).andExpect(redirectedUrl("/login"));
		for (String outsider : List.of("guest-gga", "hod-mx")) {
			MockHttpSession session = SignIn.as(this.mvc, outsider);
			this.mvc.perform(get("/statistics/mirror").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/statistics/missing").session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/statistics").session(session))
				.andExpect(content().string(not(containsString("/statistics/mirror"))));
		}
		this.mvc.perform(get("/statistics/mirror").session(SignIn.as(this.mvc, "chair"))).andExpect(status().isOk());
		this.mvc.perform(get("/statistics/mirror").param("year", "abc").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void theMissingReturnsListEveryActiveParticipantsUnsubmittedPeriods() throws Exception {
		plant();
		int active = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM organisation WHERE kind = 'PARTICIPANT' AND participant_status = 'ACTIVE'",
				Integer.class);
		int expected = active * 6 - 3;
		this.mvc.perform(get("/statistics/missing").param("year", "2012").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Missing returns 2012 (" + expected + ")"),
					containsString("Overdue"), containsString("Zimbabwe"))));
	}

	@Test
	void onlyTheStatisticsGroupsChairClosesAYearAndOnlyOnce() throws Exception {
		Long previousChair = this.jdbc.queryForObject("SELECT chair_account_id FROM working_group WHERE code = 'wgs'",
				Long.class);
		StatisticsRows rows = new StatisticsRows(this.jdbc);
		this.jdbc.update("UPDATE working_group SET chair_account_id = ? WHERE code = 'wgs'", rows.account("hod-ca"));
		try {
			MockHttpSession member = SignIn.as(this.mvc, "hod-bw");
			this.mvc.perform(get("/statistics/years/2006/close").session(member))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Only the chair"), not(containsString("method=\"post\" action=\"/statistics/years")))));
			this.mvc.perform(post("/statistics/years/2006/close").session(member).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/statistics/years/2006/close").session(SignIn.as(this.mvc, "chair")).with(csrf()))
				.andExpect(status().isForbidden());
			assertThat(closed(2006)).isZero();
			this.mvc.perform(get("/statistics/2006")).andExpect(status().isNotFound());

			MockHttpSession chair = SignIn.as(this.mvc, "hod-ca");
			this.mvc.perform(get("/statistics/years/2006/close").session(chair))
				.andExpect(content().string(allOf(containsString("Close 2006 and publish its figures"),
						containsString("Missing returns 2006"))));
			this.mvc.perform(post("/statistics/years/2006/close").session(chair).with(csrf()))
				.andExpect(redirectedUrl("/statistics/2006"));
			assertThat(closed(2006)).isOne();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = 'StatisticsYear#2006'",
					Integer.class)).isPositive();
			this.mvc.perform(get("/statistics/2006")).andExpect(status().isOk());

			this.mvc.perform(post("/statistics/years/2006/close").session(chair).with(csrf()))
				.andExpect(redirectedUrl("/statistics/years/2006/close"));
			this.mvc.perform(get("/statistics/years/2006/close").session(chair))
				.andExpect(content().string(containsString("The year 2006 is already closed")));
			this.mvc.perform(post("/statistics/years/2016/close").session(chair).with(csrf()))
				.andExpect(redirectedUrl("/statistics/years/2016/close"));
			assertThat(closed(2016)).isZero();
		}
		finally {
			this.jdbc.update("UPDATE working_group SET chair_account_id = ? WHERE code = 'wgs'", previousChair);
			this.jdbc.update("DELETE FROM statistics_year WHERE year IN (2006, 2016)");
		}
	}

	private int closed(int year) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM statistics_year WHERE year = ?", Integer.class, year);
	}

}
