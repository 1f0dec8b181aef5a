package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The public annual summary: per Participant, the current figures of the year's returns, summed
 * by flow. Only closed years are public.
 */
@Service
@Transactional(readOnly = true)
public class PublicStatistics {

	/** The figures of a return are the lines of its current version. */
	private static final String CURRENT_LINES = """
			FROM statistics_return r
			JOIN statistics_return_version v ON v.return_id = r.id AND v.number = r.current_version
			JOIN statistics_line l ON l.version_id = v.id
			JOIN organisation o ON o.id = r.participant_id
			""";

	private static final String FIGURES = """
			SUM(CASE WHEN l.flow = 'PRODUCTION' THEN l.carats END) AS production_carats,
			SUM(CASE WHEN l.flow = 'PRODUCTION' THEN l.value_usd END) AS production_value,
			SUM(CASE WHEN l.flow = 'IMPORT' THEN l.carats END) AS import_carats,
			SUM(CASE WHEN l.flow = 'IMPORT' THEN l.value_usd END) AS import_value,
			SUM(CASE WHEN l.flow = 'IMPORT' THEN l.certificates END) AS import_certificates,
			SUM(CASE WHEN l.flow = 'EXPORT' THEN l.carats END) AS export_carats,
			SUM(CASE WHEN l.flow = 'EXPORT' THEN l.value_usd END) AS export_value,
			SUM(CASE WHEN l.flow = 'EXPORT' THEN l.certificates END) AS export_certificates,
			MAX(r.demonstration) AS demonstration
			""";

	private final NamedParameterJdbcTemplate jdbc;

	/**
	 * A closed year's figures never change (a closed year takes no more submissions and closing
	 * cannot be undone), so each node may keep its own copy: two nodes can never disagree, and
	 * nothing needs evicting. Open years are never cached since they are never shown here.
	 */
	private final Cache<Integer, Summary> summaries = Caffeine.newBuilder()
		.maximumSize(64)
		.expireAfterAccess(Duration.ofHours(12))
		.build();

	PublicStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The closed year's summary; an open or unknown year is not found. */
	public Summary summary(int year, List<Integer> closedYears) {
		if (!closedYears.contains(year)) {
			throw new NotFoundException();
		}
		return this.summaries.get(year, this::load);
	}

	private Summary load(int year) {
		List<Row> rows = this.jdbc.query("SELECT o.code, o.name_en, o.name_fr, " + FIGURES + CURRENT_LINES
				+ " WHERE r.year = :year GROUP BY o.id, o.code, o.name_en, o.name_fr ORDER BY o.name_en",
				Map.of("year", year), (rs, i) -> row(rs, rs.getString("code"),
						new Localized(rs.getString("name_en"), rs.getString("name_fr"))));
		return new Summary(year, rows, Figures.total(rows.stream().map(Row::figures).toList()));
	}

	/** Every closed year of one Participant, oldest first; an unknown Participant is not found. */
	public History history(String code) {
		List<Map<String, Object>> organisation = this.jdbc.queryForList(
				"SELECT code, name_en, name_fr FROM organisation WHERE code = :code AND kind = 'PARTICIPANT'",
				Map.of("code", code == null ? "" : code));
		if (organisation.isEmpty()) {
			throw new NotFoundException();
		}
		Map<String, Object> found = organisation.get(0);
		List<Row> rows = this.jdbc.query("SELECT r.year, " + FIGURES + CURRENT_LINES
				+ " JOIN statistics_year y ON y.year = r.year WHERE o.code = :code GROUP BY r.year ORDER BY r.year",
				Map.of("code", code), (rs, i) -> row(rs, String.valueOf(rs.getInt("year")), null));
		return new History((String) found.get("code"),
				new Localized((String) found.get("name_en"), (String) found.get("name_fr")), rows,
				Figures.total(rows.stream().map(Row::figures).toList()));
	}

	private static Row row(ResultSet rs, String key, Localized name) throws SQLException {
		return new Row(key, name, new Figures(rs.getBigDecimal("production_carats"), rs.getBigDecimal("production_value"),
				rs.getBigDecimal("import_carats"), rs.getBigDecimal("import_value"),
				(Long) rs.getObject("import_certificates", Long.class), rs.getBigDecimal("export_carats"),
				rs.getBigDecimal("export_value"), (Long) rs.getObject("export_certificates", Long.class),
				rs.getBoolean("demonstration")));
	}

	/** One line of a table: a Participant (summary) or a year (history). */
	public record Row(String key, Localized name, Figures figures) {

		public String label(Locale locale) {
			return this.name == null ? this.key : this.name.in(locale);
		}

	}

	public record Summary(int year, List<Row> rows, Figures total) {

		public boolean demonstration() {
			return this.total.demonstration();
		}

		/** The Participants with the highest value of {@code flow}, at most {@code limit}. */
		public List<Row> top(Flow flow, int limit) {
			return this.rows.stream()
				.filter((row) -> row.figures().value(flow) != null && row.figures().value(flow).signum() > 0)
				.sorted(Comparator.comparing((Row row) -> row.figures().value(flow)).reversed())
				.limit(limit)
				.toList();
		}

	}

	public record History(String code, Localized name, List<Row> rows, Figures total) {

		public boolean demonstration() {
			return this.total.demonstration();
		}

	}

	/** Production, imports and exports: carats, US dollars and certificates; null where not reported. */
	public record Figures(BigDecimal productionCarats, BigDecimal productionValue, BigDecimal importCarats,
			BigDecimal importValue, Long importCertificates, BigDecimal exportCarats, BigDecimal exportValue,
			Long exportCertificates, boolean demonstration) {

		public BigDecimal productionPerCarat() {
			return perCarat(this.productionValue, this.productionCarats);
		}

		public BigDecimal importPerCarat() {
			return perCarat(this.importValue, this.importCarats);
		}

		public BigDecimal exportPerCarat() {
			return perCarat(this.exportValue, this.exportCarats);
		}

		public BigDecimal value(Flow flow) {
			return switch (flow) {
				case PRODUCTION -> this.productionValue;
				case IMPORT -> this.importValue;
				case EXPORT -> this.exportValue;
			};
		}

		private static BigDecimal perCarat(BigDecimal value, BigDecimal carats) {
			if (value == null || carats == null || carats.signum() == 0) {
				return null;
			}
			return value.divide(carats, 2, RoundingMode.HALF_UP);
		}

		static Figures total(List<Figures> all) {
			return new Figures(sum(all, Figures::productionCarats), sum(all, Figures::productionValue),
					sum(all, Figures::importCarats), sum(all, Figures::importValue),
					count(all, Figures::importCertificates), sum(all, Figures::exportCarats),
					sum(all, Figures::exportValue), count(all, Figures::exportCertificates),
					all.stream().anyMatch(Figures::demonstration));
		}

		private static BigDecimal sum(List<Figures> all, java.util.function.Function<Figures, BigDecimal> figure) {
			return all.stream().map(figure).filter(java.util.Objects::nonNull).reduce(BigDecimal::add).orElse(null);
		}

		private static Long count(List<Figures> all, java.util.function.Function<Figures, Long> figure) {
			return all.stream().map(figure).filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null);
		}

	}
}
