package org.kimberleyprocess.portal.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.PortalClock;
import org.kimberleyprocess.portal.statistics.ReturnKind;
import org.kimberleyprocess.portal.statistics.StatisticsYears;

/**
 * Invented production and trade statistics of every active Participant for 2014 to 2016, all
 * marked as demonstration figures. 2014 and 2015 are closed by the Working Group on Statistics'
 * chair and public; 2016 is open, with a few mirror differences, India's late Q2 return,
 * Botswana's corrected Q1 return and two small Participants' Q3 returns not yet in.
 * Written in a few batched statements, so the demo starts as fast as before; the figures come
 * from a fixed seed, so the demo is the same every time.
 */
final class DemoStatistics {

	private static final Logger log = LoggerFactory.getLogger(DemoStatistics.class);

	private static final int[] YEARS = { 2014, 2015, 2016 };

	private static final List<String> HUBS = List.of("eu", "ae", "in", "il", "cn", "us", "ch");

	/** Annual carats and US$ per carat of the producing Participants; the others produce nothing. */
	private static final Object[][] PRODUCERS = { { "ru", 40_000_000, 90 }, { "bw", 22_000_000, 140 },
			{ "cd", 16_000_000, 55 }, { "au", 12_000_000, 28 }, { "ca", 12_000_000, 150 }, { "ao", 8_800_000, 125 },
			{ "za", 7_500_000, 190 }, { "zw", 3_500_000, 35 }, { "na", 2_000_000, 480 }, { "sl", 500_000, 440 },
			{ "ls", 300_000, 470 }, { "tz", 220_000, 200 }, { "gh", 220_000, 35 }, { "gn", 180_000, 170 },
			{ "gy", 100_000, 220 }, { "cg", 60_000, 18 }, { "lr", 50_000, 260 }, { "br", 40_000, 250 },
			{ "in", 40_000, 85 }, { "ci", 15_000, 80 }, { "cm", 5_000, 60 } };

	/** Where each producer sells its rough (the hubs trade it on among themselves below). */
	private static final Map<String, List<String>> SELLS_TO = Map.ofEntries(
			Map.entry("ru", List.of("eu", "in", "ae", "il", "cn")),
			Map.entry("bw", List.of("eu", "ae", "in", "za")), Map.entry("cd", List.of("ae", "eu", "in")),
			Map.entry("au", List.of("eu", "in", "ae")), Map.entry("ca", List.of("eu", "in", "ae", "us")),
			Map.entry("ao", List.of("ae", "eu", "il")), Map.entry("za", List.of("eu", "in", "ae", "il", "bw")),
			Map.entry("zw", List.of("ae", "in", "cn")), Map.entry("na", List.of("eu", "bw", "ae")),
			Map.entry("sl", List.of("eu", "ae")), Map.entry("ls", List.of("eu", "ae")), Map.entry("tz", List.of("eu")),
			Map.entry("gh", List.of("ae")), Map.entry("gn", List.of("ae", "il")), Map.entry("gy", List.of("ae", "eu")),
			Map.entry("cg", List.of("ae")), Map.entry("lr", List.of("eu", "ae")), Map.entry("br", List.of("ae", "us")),
			Map.entry("ci", List.of("ae")), Map.entry("cm", List.of("ae")));

	/** The trading and cutting centres' trade with one another: quarterly carats and US$ per carat. */
	private static final Object[][] HUB_TRADE = { { "eu", "in", 6_000_000, 90 }, { "in", "eu", 2_500_000, 150 },
			{ "ae", "in", 4_500_000, 70 }, { "in", "ae", 2_000_000, 110 }, { "eu", "ae", 3_000_000, 120 },
			{ "ae", "eu", 3_500_000, 100 }, { "eu", "il", 900_000, 350 }, { "il", "eu", 700_000, 400 },
			{ "ae", "il", 400_000, 250 }, { "il", "us", 150_000, 500 }, { "us", "il", 60_000, 450 },
			{ "in", "cn", 300_000, 150 }, { "eu", "cn", 250_000, 200 }, { "ae", "cn", 400_000, 120 },
			{ "cn", "in", 200_000, 130 }, { "eu", "us", 120_000, 450 }, { "in", "us", 80_000, 300 },
			{ "ch", "eu", 800_000, 200 }, { "eu", "ch", 600_000, 220 }, { "ae", "ch", 300_000, 150 },
			{ "ch", "ae", 250_000, 160 }, { "us", "eu", 50_000, 400 }, { "ch", "in", 200_000, 180 } };

	/** Trade with Chinese Taipei, which is not a Participant: reported by one side only, by nature. */
	private static final String[][] TAIPEI = { { "in", "EXPORT", "15000", "250" }, { "ae", "IMPORT", "4000", "180" },
			{ "cn", "EXPORT", "6000", "140" } };

	/** Small Participants that traded nothing in Q3 2016 and have not sent that return yet. */
	private static final Set<String> MISSING_Q3_2016 = Set.of("la", "tg");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StatisticsYears years;

	private final Function<String, Reader> as;

	private final PortalClock clock;

	private final LocalDate today;

	private final Random random = new Random(2016);

	private final Map<String, Long> organisations = new LinkedHashMap<>();

	private final Map<String, Long> submitters = new HashMap<>();

	private final List<Return> returns = new ArrayList<>();

	DemoStatistics(JdbcTemplate jdbc, TransactionTemplate transactions, StatisticsYears years,
			Function<String, Reader> as, PortalClock clock, Instant now) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.years = years;
		this.as = as;
		this.clock = clock;
		this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	void run() {
		long start = System.nanoTime();
		this.jdbc.query("SELECT id, code FROM organisation WHERE kind = 'PARTICIPANT' AND participant_status = 'ACTIVE'"
				+ " ORDER BY code", (row) -> {
					this.organisations.put(row.getString("code"), row.getLong("id"));
				});
		// The head of delegation submits; failing one, whoever else acts for the delegation.
		this.jdbc.query("""
				SELECT o.code, a.id FROM account a JOIN organisation o ON o.id = a.organisation_id
				JOIN account_role r ON r.account_id = a.id AND r.role IN ('HEAD_OF_DELEGATION', 'ALTERNATE')
				WHERE a.active ORDER BY o.code, a.username = CONCAT('hod-', o.code) DESC, r.role = 'HEAD_OF_DELEGATION' DESC, a.id""",
				(row) -> {
					this.submitters.putIfAbsent(row.getString("code"), row.getLong("id"));
				});
		for (String code : this.organisations.keySet()) {
			if (!this.submitters.containsKey(code)) {
				log.warn("No account acts for the delegation of {}: the demo leaves its statistics returns missing", code);
			}
		}
		Map<String, Trader> traders = traders();
		for (int year : YEARS) {
			production(year);
			for (int quarter = 1; quarter <= 4; quarter++) {
				if (ended(ReturnKind.TRADE, year, quarter)) {
					trade(year, quarter, traders);
				}
			}
		}
		amendBotswanasFirstQuarter();
		// One transaction: one commit for the few thousand rows, not one each.
		int lines = this.transactions.execute((status) -> insert());
		this.clock.travelTo(Instant.parse("2015-03-16T10:00:00Z"));
		this.years.close(this.as.apply("wgs"), 2014);
		this.clock.travelTo(Instant.parse("2016-03-15T10:00:00Z"));
		this.years.close(this.as.apply("wgs"), 2015);
		log.info("Loaded {} demo statistics returns ({} lines) of 2014 to 2016 in {} ms", this.returns.size(), lines,
				(System.nanoTime() - start) / 1_000_000);
	}

	private boolean ended(ReturnKind kind, int year, int period) {
		return kind.periodEnd(year, period).isBefore(this.today);
	}

	private void production(int year) {
		Map<String, Object[]> producers = new HashMap<>();
		for (Object[] producer : PRODUCERS) {
			producers.put((String) producer[0], producer);
		}
		for (String code : this.organisations.keySet()) {
			for (int half = 1; half <= 2; half++) {
				if (!ended(ReturnKind.PRODUCTION, year, half)) {
					continue;
				}
				Return production = new Return(code, ReturnKind.PRODUCTION, year, half);
				Object[] producer = producers.get(code);
				if (producer == null) {
					production.lines.add(new Line("PRODUCTION", null, null, BigDecimal.ZERO.setScale(2),
							BigDecimal.ZERO.setScale(2), null));
				}
				else {
					BigDecimal carats = carats(((Integer) producer[1]) / 2.0 * vary(0.15));
					production.lines.add(new Line("PRODUCTION", null, null, carats,
							value(carats, (Integer) producer[2] * vary(0.1)), null));
				}
				add(production);
			}
		}
	}

	/** Who each Participant trades with and at what scale: fixed for the three years. */
	private Map<String, Trader> traders() {
		Map<String, Trader> traders = new LinkedHashMap<>();
		for (String code : this.organisations.keySet()) {
			traders.put(code, new Trader());
		}
		for (Object[] producer : PRODUCERS) {
			Trader trader = traders.get((String) producer[0]);
			if (trader == null) {
				continue;
			}
			trader.annual = (Integer) producer[1];
			trader.price = (Integer) producer[2];
			trader.sellsTo.addAll(SELLS_TO.getOrDefault((String) producer[0], List.of()));
		}
		for (Map.Entry<String, Trader> entry : traders.entrySet()) {
			Trader trader = entry.getValue();
			if (HUBS.contains(entry.getKey())) {
				continue;
			}
			// Everyone else buys from one to three centres; the non-producers sell some of it on.
			List<String> hubs = new ArrayList<>(HUBS);
			int buys = trader.annual > 0 ? 1 : 2 + this.random.nextInt(2);
			for (int i = 0; i < buys; i++) {
				trader.buysFrom.add(hubs.remove(this.random.nextInt(hubs.size())));
			}
			if (trader.annual == 0) {
				trader.scale = Math.round(Math.pow(10, 3.3 + 1.9 * this.random.nextDouble()));
				trader.price = 40 + this.random.nextInt(300);
				int sells = 1 + this.random.nextInt(2);
				for (int i = 0; i < sells && !hubs.isEmpty(); i++) {
					trader.sellsTo.add(hubs.remove(this.random.nextInt(hubs.size())));
				}
			}
			else {
				trader.scale = Math.max(500, Math.round(trader.annual / 4.0 * 0.02));
				trader.price = trader.price * 1.5;
			}
		}
		return traders;
	}

	private void trade(int year, int quarter, Map<String, Trader> traders) {
		Map<String, Flow> flows = new LinkedHashMap<>();
		boolean quiet = year == 2016 && quarter == 3;
		for (Map.Entry<String, Trader> entry : traders.entrySet()) {
			String code = entry.getKey();
			Trader trader = entry.getValue();
			if (quiet && MISSING_Q3_2016.contains(code)) {
				continue;
			}
			if (trader.annual > 0 && !trader.sellsTo.isEmpty()) {
				double quarterly = trader.annual / 4.0 * vary(0.15);
				double[] weights = new double[trader.sellsTo.size()];
				double sum = 0;
				for (int i = 0; i < weights.length; i++) {
					weights[i] = 0.5 + this.random.nextDouble();
					sum += weights[i];
				}
				for (int i = 0; i < weights.length; i++) {
					flow(flows, code, trader.sellsTo.get(i), quarterly * weights[i] / sum,
							trader.price * (1.05 + 0.2 * this.random.nextDouble()));
				}
			}
			double bought = 0;
			for (String hub : trader.buysFrom) {
				double carats = trader.scale * vary(0.5);
				bought += carats;
				flow(flows, hub, code, carats, trader.price * vary(0.1));
			}
			if (trader.annual == 0) {
				for (String hub : trader.sellsTo) {
					flow(flows, code, hub, bought * (0.3 + 0.5 * this.random.nextDouble()) / trader.sellsTo.size(),
							trader.price * (1.1 + 0.3 * this.random.nextDouble()));
				}
			}
		}
		for (Object[] hubs : HUB_TRADE) {
			flow(flows, (String) hubs[0], (String) hubs[1], (Integer) hubs[2] * vary(0.15),
					(Integer) hubs[3] * vary(0.1));
		}
		deliberateDifferences(year, quarter, flows);
		Map<String, Return> byParticipant = new LinkedHashMap<>();
		for (String code : this.organisations.keySet()) {
			if (!(quiet && MISSING_Q3_2016.contains(code)) && this.submitters.containsKey(code)) {
				byParticipant.put(code, add(new Return(code, ReturnKind.TRADE, year, quarter)));
			}
		}
		for (Flow flow : flows.values()) {
			Return exporter = byParticipant.get(flow.exporter);
			Return importer = byParticipant.get(flow.importer);
			if (exporter == null || importer == null) {
				continue;
			}
			if (flow.exporterReports) {
				exporter.lines.add(new Line("EXPORT", this.organisations.get(flow.importer), null, flow.carats, flow.value,
						flow.certificates));
			}
			if (flow.importerReports) {
				importer.lines.add(new Line("IMPORT", this.organisations.get(flow.exporter), null, flow.importCarats,
						flow.importValue, flow.certificates));
			}
		}
		for (String[] taipei : TAIPEI) {
			Return own = byParticipant.get(taipei[0]);
			if (own != null && (quarter % 2 == 1 || "in".equals(taipei[0]))) {
				BigDecimal carats = carats(Integer.parseInt(taipei[2]) * vary(0.3));
				own.lines.add(new Line(taipei[1], null, "CHINESE_TAIPEI", carats,
						value(carats, Integer.parseInt(taipei[3]) * vary(0.1)), certificates(carats)));
			}
		}
	}

	/**
	 * What the mirror check finds: a value 12 % apart, carats apart, a pair only the exporter
	 * reported and one only the importer reported. Everything else matches both ways.
	 */
	private void deliberateDifferences(int year, int quarter, Map<String, Flow> flows) {
		String key = year + "Q" + quarter;
		switch (key) {
			case "2015Q2" -> differ(flows, "eu", "in").importValue = scale(flows.get("eu>in").value, 0.88);
			case "2015Q3" -> differ(flows, "ru", "ae").importCarats = scale(flows.get("ru>ae").carats, 0.90);
			case "2015Q4" -> differ(flows, "za", "il").importerReports = false;
			case "2016Q1" -> differ(flows, "ca", "us").importValue = scale(flows.get("ca>us").value, 1.12);
			case "2016Q2" -> {
				differ(flows, "ae", "ch").importCarats = scale(flows.get("ae>ch").carats, 0.85);
				differ(flows, "ao", "il").importerReports = false;
			}
			case "2016Q3" -> differ(flows, "sl", "eu").exporterReports = false;
			default -> {
			}
		}
	}

	private static Flow differ(Map<String, Flow> flows, String exporter, String importer) {
		Flow flow = flows.get(exporter + ">" + importer);
		if (flow == null) {
			throw new IllegalStateException("The demo trades no rough from " + exporter + " to " + importer);
		}
		return flow;
	}

	private void flow(Map<String, Flow> flows, String exporter, String importer, double carats, double perCarat) {
		if (!this.organisations.containsKey(exporter) || !this.organisations.containsKey(importer)) {
			return;
		}
		BigDecimal roundCarats = carats(carats);
		BigDecimal roundValue = value(roundCarats, perCarat);
		Flow existing = flows.get(exporter + ">" + importer);
		if (existing != null) {
			existing.add(roundCarats, roundValue, certificates(roundCarats));
		}
		else {
			flows.put(exporter + ">" + importer,
					new Flow(exporter, importer, roundCarats, roundValue, certificates(roundCarats)));
		}
	}

	/**
	 * Botswana's first 2016 quarter: its first version gave its exports to India a digit short;
	 * the corrected version a month later is the current one.
	 */
	private void amendBotswanasFirstQuarter() {
		Return botswana = this.returns.stream()
			.filter((r) -> r.code.equals("bw") && r.kind == ReturnKind.TRADE && r.year == 2016 && r.period == 1)
			.findFirst()
			.orElse(null);
		if (botswana == null) {
			return;
		}
		long india = this.organisations.getOrDefault("in", -1L);
		for (Line line : botswana.lines) {
			if ("EXPORT".equals(line.flow) && line.partnerId != null && line.partnerId == india) {
				botswana.firstLines = new ArrayList<>(botswana.lines);
				botswana.firstLines.set(botswana.lines.indexOf(line), new Line(line.flow, line.partnerId, null,
						line.carats.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP), line.value, line.certificates));
				botswana.firstSubmitted = LocalDateTime.parse("2016-04-21T10:15:00");
				botswana.submitted = LocalDateTime.parse("2016-05-23T14:40:00");
				return;
			}
		}
	}

	private Return add(Return added) {
		if (!this.submitters.containsKey(added.code)) {
			return added;
		}
		LocalDate end = added.kind.periodEnd(added.year, added.period);
		if (added.code.equals("in") && added.kind == ReturnKind.TRADE && added.year == 2016 && added.period == 2) {
			// India's second quarter of 2016 came in after its due date (31 August).
			added.submitted = LocalDateTime.parse("2016-09-19T11:20:00");
		}
		else {
			added.submitted = end.plusDays(12 + this.random.nextInt(29)).atTime(8 + this.random.nextInt(9),
					this.random.nextInt(60));
		}
		this.returns.add(added);
		return added;
	}

	private int insert() {
		long returnId = nextId("statistics_return");
		long versionId = nextId("statistics_return_version");
		List<Object[]> returnRows = new ArrayList<>();
		List<Object[]> versionRows = new ArrayList<>();
		List<Object[]> lineRows = new ArrayList<>();
		Set<String> csv = Set.of("eu", "in", "ae", "ru", "us");
		for (Return r : this.returns) {
			long id = returnId++;
			long submitter = this.submitters.get(r.code);
			String source = csv.contains(r.code) ? "CSV" : "FORM";
			int number = 1;
			if (r.firstLines != null) {
				long first = versionId++;
				versionRows.add(new Object[] { first, id, number++, source, submitter, r.firstSubmitted });
				for (Line line : r.firstLines) {
					lineRows.add(line.row(first));
				}
			}
			long current = versionId++;
			versionRows.add(new Object[] { current, id, number, source, submitter, r.submitted });
			for (Line line : r.lines) {
				lineRows.add(line.row(current));
			}
			returnRows.add(new Object[] { id, this.organisations.get(r.code), r.kind.name(), r.year, r.period, number });
		}
		this.jdbc.batchUpdate("INSERT INTO statistics_return (id, participant_id, kind, year, period, current_version,"
				+ " demonstration) VALUES (?, ?, ?, ?, ?, ?, TRUE)", returnRows);
		this.jdbc.batchUpdate("INSERT INTO statistics_return_version (id, return_id, number, source, submitted_by,"
				+ " submitted_at) VALUES (?, ?, ?, ?, ?, ?)", versionRows);
		this.jdbc.batchUpdate("INSERT INTO statistics_line (version_id, flow, partner_id, partner_entity, carats,"
				+ " value_usd, certificates) VALUES (?, ?, ?, ?, ?, ?, ?)", lineRows);
		return lineRows.size();
	}

	private long nextId(String table) {
		Long max = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
		return (max == null ? 0 : max) + 1;
	}

	/** A factor around 1, within ± {@code spread}. */
	private double vary(double spread) {
		return 1 - spread + 2 * spread * this.random.nextDouble();
	}

	private static BigDecimal carats(double carats) {
		return BigDecimal.valueOf(Math.max(100, Math.round(carats * 100)), 2);
	}

	private static BigDecimal value(BigDecimal carats, double perCarat) {
		return BigDecimal.valueOf(Math.round(carats.unscaledValue().longValue() * perCarat), 2);
	}

	private static BigDecimal scale(BigDecimal figure, double factor) {
		return BigDecimal.valueOf(Math.round(figure.unscaledValue().longValue() * factor), 2);
	}

	/** About one certificate per parcel of 25,000 carats, at least one. */
	private static int certificates(BigDecimal carats) {
		return (int) Math.max(1, Math.round(carats.unscaledValue().longValue() / 2_500_000.0));
	}

	private static final class Trader {

		double annual;

		double price;

		long scale;

		final List<String> sellsTo = new ArrayList<>();

		final List<String> buysFrom = new ArrayList<>();

	}

	private static final class Flow {

		final String exporter;

		final String importer;

		BigDecimal carats;

		BigDecimal value;

		int certificates;

		BigDecimal importCarats;

		BigDecimal importValue;

		boolean exporterReports = true;

		boolean importerReports = true;

		Flow(String exporter, String importer, BigDecimal carats, BigDecimal value, int certificates) {
			this.exporter = exporter;
			this.importer = importer;
			this.carats = carats;
			this.value = value;
			this.certificates = certificates;
			this.importCarats = carats;
			this.importValue = value;
		}

		void add(BigDecimal moreCarats, BigDecimal moreValue, int moreCertificates) {
			this.carats = this.carats.add(moreCarats);
			this.value = this.value.add(moreValue);
			this.certificates += moreCertificates;
			this.importCarats = this.carats;
			this.importValue = this.value;
		}

	}

	private record Line(String flow, Long partnerId, String entity, BigDecimal carats, BigDecimal value,
			Integer certificates) {

		Object[] row(long versionId) {
			return new Object[] { versionId, this.flow, this.partnerId, this.entity, this.carats, this.value,
					this.certificates };
		}

	}

	private static final class Return {

		final String code;

		final ReturnKind kind;

		final int year;

		final int period;

		final List<Line> lines = new ArrayList<>();

		LocalDateTime submitted;

		List<Line> firstLines;

		LocalDateTime firstSubmitted;

		Return(String code, ReturnKind kind, int year, int period) {
			this.code = code;
			this.kind = kind;
			this.year = year;
			this.period = period;
		}

	}

}
