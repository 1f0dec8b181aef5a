package org.kimberleyprocess.portal.statistics;

import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class PublicStatisticsTest {

	private static final List<Integer> YEARS = List.of(2007, 2008, 2009, 2010, 2011, 2012);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeRows() {
		new StatisticsRows(this.jdbc).removeYears(YEARS);
	}

	/** Botswana 1,000 ct for US$ 50,000 (two halves), Canada 500 ct for US$ 100,000; Botswana exports to Canada. */
	private void plant(int year) {
		StatisticsRows rows = new StatisticsRows(this.jdbc);
		rows.production("bw", year, 1, "600", "30000");
		rows.production("bw", year, 2, "400", "20000");
		rows.production("ca", year, 1, "500", "100000");
		long trade = rows.version("bw", "TRADE", year, 1);
		rows.trade(trade, "EXPORT", "ca", "100", "10000", 3);
		long imports = rows.version("ca", "TRADE", year, 1);
		rows.trade(imports, "IMPORT", "bw", "100", "10000", 3);
	}

	@Test
	void aClosedYearsSummaryShowsTotalsAndValuePerCaratToAnyone() throws Exception {
		plant(2011);
		new StatisticsRows(this.jdbc).closeYear(2011);
		String page = this.mvc.perform(get("/statistics/2011"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Botswana"), containsString("Canada"),
					containsString("1,500"), containsString("150,000"), containsString("100.00"),
					containsString("50.00"), containsString("200.00"), containsString("href=\"/statistics/2011.csv\""))))
			.andExpect(content().string(not(containsString("999,999"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.length()).isLessThan(60_000);
		assertThat(page).contains("<svg").contains("role=\"img\"").contains("aria-labelledby=\"chart-production-title\"");
		assertThat(page).containsPattern("<title id=\"chart-production-title\">Horizontal bar chart[^<]*Canada");
		assertThat(page).as("only the group sees its checks").doesNotContain("/statistics/mirror");

		this.mvc.perform(get("/statistics/2011").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("100,00"), containsString("Valeur de la production"))));
	}

	@Test
	void theCsvMatchesTheTableInTheReadersLanguage() throws Exception {
		plant(2010);
		new StatisticsRows(this.jdbc).closeYear(2010);
		String csv = this.mvc.perform(get("/statistics/2010.csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<CSVRecord> records = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(new StringReader(csv)).getRecords();
		assertThat(records.get(0).get(0)).isEqualTo("Participant");
		assertThat(records.get(0).get(2)).isEqualTo("Production value (US$)");
		CSVRecord total = records.get(records.size() - 1);
		assertThat(total.get(0)).isEqualTo("Total");
		assertThat(total.get(1)).isEqualTo("1500.00");
		assertThat(total.get(2)).isEqualTo("150000.00");
		assertThat(total.get(3)).isEqualTo("100.00");
		assertThat(total.get(7)).isEqualTo("3");
		assertThat(records).hasSize(4);

		String french = this.mvc.perform(get("/statistics/2010.csv").param("lang", "fr"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(french).startsWith("Participant,Production en carats");
	}

	@Test
	void anOpenYearIsNotPublicAnywhere() throws Exception {
		plant(2012);
		plant(2009);
		new StatisticsRows(this.jdbc).closeYear(2009);
		this.mvc.perform(get("/statistics/2012")).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/2012.csv")).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/1999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/participants/nowhere")).andExpect(status().isNotFound());
		String history = this.mvc.perform(get("/statistics/participants/bw.csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).as("the demo's own closed years are there too, but no open one")
			.contains("\n2009,", "\n2015,")
			.doesNotContain("\n2012,", "\n2016,");
		this.mvc.perform(get("/statistics/participants/bw"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/statistics/2009\""),
					not(containsString("/statistics/2012")), containsString("<svg"),
					containsString("<title id=\"chart-history-title\">"))));
	}

	@Test
	void theSummaryCostsTheSameStatementsWithTwoOrFiftyParticipants() throws Exception {
		StatisticsRows rows = new StatisticsRows(this.jdbc);
		rows.production("bw", 2008, 1, "10", "100");
		rows.production("ca", 2008, 1, "10", "100");
		List<String> codes = this.jdbc.queryForList(
				"SELECT code FROM organisation WHERE kind = 'PARTICIPANT' ORDER BY code LIMIT 50", String.class);
		assertThat(codes).hasSize(50);
		for (String code : codes) {
			rows.production(code, 2007, 1, "10", "100");
		}
		rows.closeYear(2008);
		rows.closeYear(2007);
		SqlStatementCounter.reset();
		this.mvc.perform(get("/statistics/2008")).andExpect(status().isOk());
		long two = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		this.mvc.perform(get("/statistics/2007")).andExpect(status().isOk());
		assertThat(SqlStatementCounter.count()).isEqualTo(two);
		SqlStatementCounter.reset();
		this.mvc.perform(get("/statistics/2007")).andExpect(status().isOk());
		assertThat(SqlStatementCounter.count()).as("a closed year's summary is computed once").isLessThan(two);
	}

}
