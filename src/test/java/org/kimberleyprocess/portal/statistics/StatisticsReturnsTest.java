package org.kimberleyprocess.portal.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.shared.Flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A delegation submitting its statistics returns, by the form and by CSV, through the web layer,
 * in 2013 and the years before it, which the demo data leave empty.
 */
@PortalTest
class StatisticsReturnsTest {

	private static final int YEAR = 2013;

	private static final String TRADE = "/statistics/returns/bw/2013/trade/1";

	private static final String PRODUCTION = "/statistics/returns/bw/2013/production/1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeRows() {
		new StatisticsRows(this.jdbc).removeYears(List.of(2007, 2008, 2009, 2010, YEAR));
	}

	@Test
	void aDelegationSubmitsAQuarterByTheFormAndACorrectionBecomesANewVersion() throws Exception {
		int auditedBefore = audited();
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get(TRADE).session(head))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Submit the return"), containsString("name=\"rows[0].partner\""),
					containsString("Upload and submit"))));
		this.mvc.perform(trade(head, 0, "EXPORT", "ca", "1000.50", "150000", "4", "IMPORT", "za", "20", "3000", "1"))
			.andExpect(redirectedUrl(TRADE))
			.andExpect(flash().attributeExists("flash"));
		assertThat(lines(1)).containsExactlyInAnyOrder("EXPORT ca 1000.50 150000.00 4", "IMPORT za 20.00 3000.00 1");
		this.mvc.perform(get(TRADE).session(head))
			.andExpect(content().string(allOf(containsString("Current figures (version 1)"), containsString("Canada"),
					containsString("South Africa"), containsString("Submit a corrected return"),
					containsString("name=\"basedOn\" value=\"1\""))));

		this.mvc.perform(trade(head, 1, "EXPORT", "ca", "1100", "160000", "5")).andExpect(redirectedUrl(TRADE));
		assertThat(lines(2)).containsExactly("EXPORT ca 1100.00 160000.00 5");
		assertThat(lines(1)).as("the first version is kept as it was").hasSize(2);
		this.mvc.perform(get(TRADE + "/versions/1").session(head))
			.andExpect(content().string(allOf(containsString("South Africa"),
					containsString("This is an earlier version; version 2 is the current one."))));
		this.mvc.perform(get(TRADE + "/versions/3").session(head)).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/returns/bw/2013").session(head))
			.andExpect(content().string(allOf(containsString("Submitted late"), containsString("Version 2,"))));
		assertThat(audited() - auditedBefore).as("each submission is in the audit trail, with its figures").isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT summary FROM audit_entry WHERE action = 'ReturnVersion created'"
				+ " ORDER BY id DESC LIMIT 1", String.class)).contains("EXPORT", "1100.00 ct", "US$ 160000.00");
	}

	@Test
	void wrongFiguresComeBackNamedByLineAndFieldWithWhatWasTypedAndNothingIsSaved() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String page = this.mvc
			.perform(trade(head, 0, "EXPORT", "ca", "12 ct", "-5", "4", "EXPORT", "Canada", "1", "1", "1", "IMPORT",
					"bw", "1", "1", "1", "IMPORT", "narnia", "1,234", "$300", "two"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Line 1, carats: Enter the carats as a number only, without a unit",
				"Line 1, value (US$): Enter a number that is not negative.",
				"Line 2, partner: This partner already has a line for the same flow above",
				"Line 3, partner: A Participant does not trade with itself",
				"Line 4, partner: “narnia” is not a Participant’s code or name",
				"Line 4, carats: Enter at most two decimals, and no thousands separators.",
				"Line 4, value (US$): Enter the value in US dollars as a number only",
				"Line 4, certificates: Enter the number of certificates as a whole number",
				"href=\"#rows0.carats\"", "value=\"12 ct\"", "value=\"narnia\"", "value=\"$300\"");
		assertThat(page.indexOf("Line 1, carats")).as("the summary follows the form's order")
			.isLessThan(page.indexOf("Line 1, value"));
		assertThat(page.indexOf("Line 3, partner")).isLessThan(page.indexOf("Line 4, partner"));
		assertThat(returns()).isZero();

		this.mvc.perform(post(TRADE).session(head).with(csrf()).param("basedOn", "0"))
			.andExpect(content().string(containsString("Enter at least one line, or tick")));
		this.mvc.perform(post(TRADE).session(head).with(csrf()).param("basedOn", "0").param("nothingToReport", "true"))
			.andExpect(redirectedUrl(TRADE));
		this.mvc.perform(get(TRADE).session(head))
			.andExpect(content().string(containsString("Nothing to report: no imports or exports in this quarter.")));
		this.mvc.perform(post(TRADE).session(head).with(csrf()).param("basedOn", "1").param("rows[4000].carats", "1"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post(TRADE).session(head).with(csrf()).param("basedOn", "1").param("more", "1"))
			.andExpect(content().string(containsString("name=\"rows[9].partner\"")));
		assertThat(returns()).isEqualTo(1);
	}

	@Test
	void aCsvFileIsSavedWholeOrNotAtAllWithEachProblemNamedByLineAndColumn() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		String page = upload(head, TRADE, "flow,partner,carats,value_usd,certificates\n"
				+ "export,ca,100,20000,2\n"
				+ "export,narnia,100,20000,2\n"
				+ "import,za,-3,20000,2\n"
				+ "import,za,1,1\n"
				+ "sideways,chinese-taipei,1,1,1\n")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Line 5: expected 5 fields separated by commas, found 4.",
				"Line 3, partner: “narnia” is not a Participant’s code or name",
				"Line 4, carats: Enter a number that is not negative.", "Line 6, flow: Choose import or export.");
		assertThat(returns()).as("nothing is saved from a file with a wrong line").isZero();

		upload(head, TRADE, "carats,value_usd\n1,1\n")
			.andExpect(content().string(containsString("Line 1 must name the columns flow,partner,carats,value_usd,certificates")));
		upload(head, TRADE, "").andExpect(content().string(containsString("Choose a CSV file to upload.")));
		upload(head, TRADE, "\n\n").andExpect(content().string(containsString("The file is empty.")));
		this.mvc
			.perform(multipart(TRADE + "/csv")
				.file(new MockMultipartFile("file", "t.csv", "text/csv",
						"flow,partner,carats,value_usd,certificates\nexport,c\u00f4te,1,1,1\n".getBytes(StandardCharsets.ISO_8859_1)))
				.param("basedOn", "0")
				.session(head)
				.with(csrf()))
			.andExpect(content().string(containsString("The file is not UTF-8 text.")));
		upload(head, PRODUCTION, "carats,value_usd\n1,1\n2,2\n")
			.andExpect(content().string(containsString("A production file has one line of figures after the header; this one has 2.")));
		assertThat(returns()).isZero();

		String exported = usual("EXPORT", "100.5");
		String imported = usual("IMPORT", "7");
		upload(head, TRADE, "\uFEFFFlow;Partner;Carats;Value_USD;Certificates\r\nexport;ca;100,5;" + exported + ";2\r\n"
				+ "import;chinese-taipei;7;" + imported + ";1\r\n")
			.andExpect(redirectedUrl(TRADE));
		assertThat(lines(1)).containsExactlyInAnyOrder("EXPORT ca 100.50 " + exported + " 2",
				"IMPORT CHINESE_TAIPEI 7.00 " + imported + " 1");
		assertThat(this.jdbc.queryForObject("SELECT v.source FROM statistics_return_version v JOIN statistics_return r"
				+ " ON r.id = v.return_id WHERE r.year = 2013", String.class)).isEqualTo("CSV");
		this.mvc.perform(get("/statistics/returns/examples/trade.csv").session(head))
			.andExpect(content().string(containsString("flow,partner,carats,value_usd,certificates")));
	}

	@Test
	void aValuePerCaratFarFromTheParticipantsOwnIsFlaggedForConfirmationNotRefused() throws Exception {
		StatisticsRows rows = new StatisticsRows(this.jdbc);
		for (int year = 2007; year <= 2010; year++) {
			rows.production("bw", year, 1, "1000000", "150000000");
			rows.production("bw", year, 2, "1000000", "150000000");
		}
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(production(head, "1000", "150000")).andExpect(redirectedUrl(PRODUCTION));
		new StatisticsRows(this.jdbc).removeYears(List.of(YEAR));

		this.mvc.perform(production(head, "10", "1000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("US$ 100000.00 per carat is far from your usual"),
					containsString("name=\"rows[0].confirmed\""))));
		assertThat(returns()).isZero();
		this.mvc.perform(production(head, "10", "1000000").param("rows[0].confirmed", "true"))
			.andExpect(redirectedUrl(PRODUCTION));
		assertThat(this.jdbc.queryForObject("SELECT l.unusual_confirmed FROM statistics_line l JOIN statistics_return_version v"
				+ " ON v.id = l.version_id JOIN statistics_return r ON r.id = v.return_id WHERE r.year = 2013",
				Boolean.class)).isTrue();

		upload(head, PRODUCTION, "carats,value_usd\n10,2000000\n")
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Every line of the file is right, but some values per carat"),
					containsString("name=\"source\" value=\"CSV\""), containsString("value=\"2000000\""))));
		assertThat(this.jdbc.queryForObject("SELECT current_version FROM statistics_return WHERE year = 2013",
				Integer.class)).as("nothing saved until confirmed").isEqualTo(1);
	}

	@Test
	void onlyTheParticipantsOwnHeadOrAlternateSubmitsAndOthersDoNotSeeItsReturns() throws Exception {
		this.mvc.perform(get("/statistics/returns/bw/2013")).andExpect(redirectedUrl("/login"));
		MockHttpSession delegate = SignIn.as(this.mvc, "delegate-bw");
		this.mvc.perform(get(TRADE).session(delegate))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Submit the return"))));
		this.mvc.perform(trade(delegate, 0, "EXPORT", "ca", "1", "1", "1")).andExpect(status().isForbidden());
		MockHttpSession outsider = SignIn.as(this.mvc, "hod-mx");
		this.mvc.perform(get(TRADE).session(outsider)).andExpect(status().isNotFound());
		this.mvc.perform(trade(outsider, 0, "EXPORT", "ca", "1", "1", "1")).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/returns").session(outsider))
			.andExpect(redirectedUrl("/statistics/returns/mx/2016"));
		MockHttpSession member = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/statistics/returns").session(member)).andExpect(redirectedUrl("/statistics/returns/bw/2016"));
		this.mvc.perform(get("/statistics/returns").param("participant", "za").param("year", "2013").session(member))
			.andExpect(redirectedUrl("/statistics/returns/za/2013"));
		this.mvc.perform(get("/statistics/returns").session(SignIn.as(this.mvc, "wdc")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Choose a Participant"),
					containsString("href=\"/statistics/returns/bw/2016\""))));
		this.mvc.perform(get("/statistics/returns/za/2013/trade/1").session(member))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Submit the return"))));
		this.mvc.perform(post("/statistics/returns/za/2013/trade/1").session(member).with(csrf()).param("basedOn", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/statistics/returns").session(SignIn.as(this.mvc, "guest-gga")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/statistics/returns/bw/2013/production/3").session(member)).andExpect(status().isNotFound());
		this.mvc.perform(get("/statistics/returns/bw/1999").session(member)).andExpect(status().isNotFound());
		assertThat(returns()).isZero();
	}

	@Test
	void aClosedYearAndAPeriodNotYetOverTakeNoReturn() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		this.mvc.perform(get("/statistics/returns/bw/2016/trade/4").session(head))
			.andExpect(content().string(allOf(containsString("This period ends on"),
					not(containsString("Submit the return")))));
		this.mvc.perform(post("/statistics/returns/bw/2016/trade/4").session(head).with(csrf()).param("basedOn", "0")
			.param("nothingToReport", "true"))
			.andExpect(redirectedUrl("/statistics/returns/bw/2016/trade/4"))
			.andExpect(flash().attribute("flash", new Flash(false, "statistics.return.notOver", List.of())));
		new StatisticsRows(this.jdbc).closeYear(YEAR);
		this.mvc.perform(get(TRADE).session(head))
			.andExpect(content().string(allOf(containsString("The year 2013 is closed"),
					not(containsString("Submit the return")))));
		this.mvc.perform(trade(head, 0, "EXPORT", "ca", "1", "1", "1"))
			.andExpect(redirectedUrl(TRADE))
			.andExpect(flash().attribute("flash", new Flash(false, "statistics.return.yearClosed", List.of("2013"))));
		upload(head, TRADE, "flow,partner,carats,value_usd,certificates\nexport,ca,1,1,1\n").andExpect(redirectedUrl(TRADE));
		assertThat(returns()).isZero();
	}

	/** The demo's invented figures say so on every page that shows them, the group's views included. */
	@Test
	void demonstrationFiguresAreLabelledOnTheReturnsAndTheMirrorCheck() throws Exception {
		MockHttpSession member = SignIn.as(this.mvc, "hod-bw");
		for (String page : List.of("/statistics/returns/bw/2016", "/statistics/returns/bw/2016/trade/1",
				"/statistics/returns/bw/2016/trade/1/versions/1", "/statistics/mirror?year=2016")) {
			this.mvc.perform(get(page).session(member))
				.andExpect(content().string(containsString("Demonstration data: these figures are invented")));
		}
		this.mvc.perform(trade(member, 0, "EXPORT", "ca", "5", usual("EXPORT", "5"), "1")).andExpect(redirectedUrl(TRADE));
		this.mvc.perform(get(TRADE).session(member))
			.andExpect(content().string(not(containsString("Demonstration data"))));
		this.mvc.perform(get("/statistics/mirror?year=2013").session(member))
			.andExpect(content().string(not(containsString("Demonstration data"))));
	}

	/** Head and alternate submitting the same return at once: one version is saved, the other is told. */
	@Test
	void twoSubmissionsOfTheSameReturnAtOnceSaveOneAndTellTheOther() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		MockHttpSession other = SignIn.as(this.mvc, "hod-bw");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (MockHttpSession session : List.of(head, other)) {
			Callable<Integer> submit = () -> {
				start.await();
				return this.mvc.perform(trade(session, 0, "EXPORT", "ca", "5", "500", "1"))
					.andReturn()
					.getResponse()
					.getStatus();
			};
			answers.add(pool.submit(submit));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(302, 200);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM statistics_return_version v JOIN statistics_return r"
				+ " ON r.id = v.return_id WHERE r.year = 2013", Integer.class)).isEqualTo(1);
	}

	/**
	 * A return's page, its versions and the year's overview cost the same few statements with two
	 * lines as with a hundred and twenty (every Participant, both ways), write nothing, and the
	 * largest stays under the 60 KB page budget.
	 */
	@Test
	void theReturnPagesCostTheSameFewStatementsHoweverManyLinesAndStayUnderTheBudget() throws Exception {
		MockHttpSession head = SignIn.as(this.mvc, "hod-bw");
		List<String> partners = this.jdbc.queryForList(
				"SELECT code FROM organisation WHERE kind = 'PARTICIPANT' AND code <> 'bw' ORDER BY code LIMIT 60",
				String.class);
		String exported = usual("EXPORT", "10");
		String imported = usual("IMPORT", "10");
		this.mvc.perform(trade(head, 0, "EXPORT", partners.get(0), "10", exported, "1", "IMPORT", partners.get(1), "10",
				imported, "1")).andExpect(redirectedUrl(TRADE));
		List<String> pages = List.of(TRADE, TRADE + "/versions/1", "/statistics/returns/bw/2013");
		List<Long> few = statements(head, pages);
		List<String> cells = new ArrayList<>();
		for (String partner : partners) {
			for (String flow : List.of("EXPORT", "IMPORT")) {
				cells.addAll(List.of(flow, partner, "10", flow.equals("EXPORT") ? exported : imported, "1"));
			}
		}
		this.mvc.perform(trade(head, 1, cells.toArray(String[]::new))).andExpect(redirectedUrl(TRADE));
		assertThat(lines(2)).hasSize(partners.size() * 2);
		this.mvc.perform(get(TRADE + "/versions/2").session(head)).andExpect(status().isOk());
		List<Long> many = statements(head, List.of(TRADE, TRADE + "/versions/2", "/statistics/returns/bw/2013"));
		assertThat(many).as("statements per page, with 2 and with %d lines", partners.size() * 2).isEqualTo(few);
		assertThat(many).allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(12));
		SqlStatementCounter.reset();
		String page = this.mvc.perform(get(TRADE).session(head)).andReturn().getResponse().getContentAsString();
		assertThat(SqlStatementCounter.writes()).as("a GET writes nothing").isZero();
		assertThat(page.getBytes(StandardCharsets.UTF_8).length).as("HTML of a return with %d lines", partners.size() * 2)
			.isLessThan(60 * 1024);
		assertThat(page).contains("too many to correct on the form").doesNotContain("name=\"rows[0].carats\"");

		String figures = this.mvc.perform(get(TRADE + "/versions/2.csv").session(head))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		upload(head, TRADE, figures.replaceFirst("export," + partners.get(0) + ",10.00,", "export," + partners.get(0) + ",11.00,"))
			.andExpect(redirectedUrl(TRADE));
		List<String> corrected = new ArrayList<>(lines(2));
		corrected.set(corrected.indexOf("EXPORT " + partners.get(0) + " 10.00 " + exported + " 1"),
				"EXPORT " + partners.get(0) + " 11.00 " + exported + " 1");
		assertThat(lines(3)).as("the downloaded figures, corrected and uploaded, are the next version")
			.containsExactlyInAnyOrderElementsOf(corrected);
	}

	private List<Long> statements(MockHttpSession session, List<String> pages) throws Exception {
		List<Long> counts = new ArrayList<>();
		for (String page : pages) {
			this.mvc.perform(get(page).session(session)).andExpect(status().isOk());
			SqlStatementCounter.reset();
			this.mvc.perform(get(page).session(session)).andExpect(status().isOk());
			counts.add(SqlStatementCounter.count());
		}
		return counts;
	}

	private MockHttpServletRequestBuilder trade(MockHttpSession session, int basedOn, String... cells) {
		MockHttpServletRequestBuilder request = post(TRADE).session(session)
			.with(csrf())
			.param("basedOn", String.valueOf(basedOn))
			.param("source", "FORM");
		String[] fields = { "flow", "partner", "carats", "value", "certificates" };
		for (int i = 0; i < cells.length; i++) {
			request.param("rows[" + (i / 5) + "]." + fields[i % 5], cells[i]);
		}
		return request;
	}

	private MockHttpServletRequestBuilder production(MockHttpSession session, String carats, String value) {
		Integer current = this.jdbc.queryForObject(
				"SELECT COALESCE(MAX(current_version), 0) FROM statistics_return WHERE year = 2013", Integer.class);
		return post(PRODUCTION).session(session)
			.with(csrf())
			.param("basedOn", String.valueOf(current))
			.param("rows[0].flow", "PRODUCTION")
			.param("rows[0].carats", carats)
			.param("rows[0].value", value);
	}

	private ResultActions upload(MockHttpSession session, String address, String text) throws Exception {
		Integer current = this.jdbc.queryForObject(
				"SELECT COALESCE(MAX(current_version), 0) FROM statistics_return WHERE year = 2013", Integer.class);
		return this.mvc.perform(multipart(address + "/csv")
			.file(new MockMultipartFile("file", "return.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
			.param("basedOn", String.valueOf(current))
			.session(session)
			.with(csrf()));
	}

	/**
	 * A value for {@code carats} at Botswana's usual value per carat of the flow (the median of its
	 * current figures), so that figures a test does not mean to be unusual are not flagged.
	 */
	private String usual(String flow, String carats) {
		List<java.math.BigDecimal> perCarat = this.jdbc.queryForList("""
				SELECT l.value_usd / l.carats FROM statistics_return r
				JOIN statistics_return_version v ON v.return_id = r.id AND v.number = r.current_version
				JOIN statistics_line l ON l.version_id = v.id
				WHERE r.participant_id = (SELECT id FROM organisation WHERE code = 'bw') AND l.flow = ? AND l.carats > 0
				  AND r.year <> 2013 ORDER BY 1""", java.math.BigDecimal.class, flow);
		java.math.BigDecimal median = perCarat.isEmpty() ? new java.math.BigDecimal(100)
				: perCarat.get(perCarat.size() / 2);
		return median.multiply(new java.math.BigDecimal(carats)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private int audited() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ReturnVersion created'",
				Integer.class);
	}

	private int returns() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM statistics_return WHERE year = 2013", Integer.class);
	}

	/** The lines of the 2013 return's version {@code number}, as "FLOW partner carats value certificates". */
	private List<String> lines(int number) {
		return this.jdbc.queryForList("""
				SELECT CONCAT_WS(' ', l.flow, COALESCE(o.code, l.partner_entity), l.carats, l.value_usd, l.certificates)
				FROM statistics_line l JOIN statistics_return_version v ON v.id = l.version_id
				JOIN statistics_return r ON r.id = v.return_id LEFT JOIN organisation o ON o.id = l.partner_id
				WHERE r.year = 2013 AND v.number = ?""", String.class, number);
	}

}
