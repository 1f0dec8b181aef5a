package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Localized;

/**
 * The Working Group on Statistics' checks, open years included: the mirror check (A's exports to
 * B against B's imports from A) and the returns not yet submitted.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsChecks {

	public static final int PAGE_SIZE = 50;

	/**
	 * Per pair (A exporter, B importer) and quarter, what A reported as exports to B and what B
	 * reported as imports from A, from the current version of each return.
	 */
	private static final String PAIRS = """
			SELECT x.exporter, x.importer, x.period,
			       SUM(x.export_carats) AS export_carats, SUM(x.export_value) AS export_value,
			       SUM(x.import_carats) AS import_carats, SUM(x.import_value) AS import_value,
			       MAX(x.exported) AS exported, MAX(x.imported) AS imported
			FROM (
			  SELECT r.participant_id AS exporter, l.partner_id AS importer, r.period,
			         l.carats AS export_carats, l.value_usd AS export_value, 0 AS import_carats, 0 AS import_value,
			         1 AS exported, 0 AS imported
			  FROM statistics_return r
			  JOIN statistics_return_version v ON v.return_id = r.id AND v.number = r.current_version
			  JOIN statistics_line l ON l.version_id = v.id
			  WHERE r.kind = 'TRADE' AND r.year = :year AND (:period = 0 OR r.period = :period)
			    AND l.flow = 'EXPORT' AND l.partner_id IS NOT NULL
			  UNION ALL
			  SELECT l.partner_id, r.participant_id, r.period, 0, 0, l.carats, l.value_usd, 0, 1
			  FROM statistics_return r
			  JOIN statistics_return_version v ON v.return_id = r.id AND v.number = r.current_version
			  JOIN statistics_line l ON l.version_id = v.id
			  WHERE r.kind = 'TRADE' AND r.year = :year AND (:period = 0 OR r.period = :period)
			    AND l.flow = 'IMPORT' AND l.partner_id IS NOT NULL
			) x
			GROUP BY x.exporter, x.importer, x.period
			HAVING MAX(x.exported) = 0 OR MAX(x.imported) = 0
			    OR ABS(SUM(x.export_carats) - SUM(x.import_carats)) * 100
			       > :threshold * GREATEST(SUM(x.export_carats), SUM(x.import_carats))
			    OR ABS(SUM(x.export_value) - SUM(x.import_value)) * 100
			       > :threshold * GREATEST(SUM(x.export_value), SUM(x.import_value))
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final DirectoryQueries directory;

	private final StatisticsPolicy policy;

	private final Clock clock;

	private final BigDecimal threshold;

	StatisticsChecks(NamedParameterJdbcTemplate jdbc, DirectoryQueries directory, StatisticsPolicy policy, Clock clock,
			@Value("${portal.statistics.mirror-threshold-percent:5}") BigDecimal threshold) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.policy = policy;
		this.clock = clock;
		this.threshold = threshold;
	}

	public BigDecimal threshold() {
		return this.threshold;
	}

	/** Whether any of the year's returns holds demonstration figures, which every page showing them says. */
	public boolean demonstration(int year) {
		Boolean any = this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM statistics_return WHERE year = :year AND demonstration)",
				Map.of("year", year), Boolean.class);
		return Boolean.TRUE.equals(any);
	}

	/** The pairs of {@code year} (and {@code period}, 0 for all) that differ by more than the threshold. */
	public MirrorPage mirror(Reader reader, int year, int period, int page) {
		requireGroupViews(reader);
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("year", year)
			.addValue("period", period)
			.addValue("threshold", this.threshold)
			.addValue("limit", PAGE_SIZE)
			.addValue("offset", page * PAGE_SIZE);
		Integer total = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + PAIRS + ") p", parameters, Integer.class);
		List<Difference> differences = this.jdbc.query("""
				SELECT p.*, a.code AS a_code, a.name_en AS a_en, a.name_fr AS a_fr,
				       b.code AS b_code, b.name_en AS b_en, b.name_fr AS b_fr
				FROM (""" + PAIRS + """
				) p JOIN organisation a ON a.id = p.exporter JOIN organisation b ON b.id = p.importer
				ORDER BY p.period, a.name_en, b.name_en LIMIT :limit OFFSET :offset""", parameters,
				(rs, i) -> new Difference(rs.getInt("period"), rs.getString("a_code"),
						new Localized(rs.getString("a_en"), rs.getString("a_fr")), rs.getString("b_code"),
						new Localized(rs.getString("b_en"), rs.getString("b_fr")),
						rs.getInt("exported") == 1 ? rs.getBigDecimal("export_carats") : null,
						rs.getInt("exported") == 1 ? rs.getBigDecimal("export_value") : null,
						rs.getInt("imported") == 1 ? rs.getBigDecimal("import_carats") : null,
						rs.getInt("imported") == 1 ? rs.getBigDecimal("import_value") : null));
		int count = total == null ? 0 : total;
		return new MirrorPage(year, period, page, Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE), count, differences);
	}

	/** Every active Participant's returns of {@code year} whose period has ended and that are not submitted. */
	public List<Missing> missing(Reader reader, int year) {
		requireGroupViews(reader);
		return missing(year);
	}

	List<Missing> missing(int year) {
		LocalDate today = this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		Set<String> submitted = new HashSet<>();
		this.jdbc.query("SELECT participant_id, kind, period FROM statistics_return WHERE year = :year",
				Map.of("year", year), (rs) -> {
					submitted.add(rs.getLong("participant_id") + "/" + rs.getString("kind") + "/" + rs.getInt("period"));
				});
		List<Missing> result = new ArrayList<>();
		for (OrganisationRef participant : this.directory.activeParticipants()) {
			for (ReturnKind kind : ReturnKind.values()) {
				for (int period = 1; period <= kind.periodsPerYear(); period++) {
					if (kind.periodEnd(year, period).isBefore(today)
							&& !submitted.contains(participant.id() + "/" + kind + "/" + period)) {
						LocalDate due = kind.dueDate(year, period);
						result.add(new Missing(participant.code(), participant.name(), kind, period, due,
								due.isBefore(today)));
					}
				}
			}
		}
		return result;
	}

	private void requireGroupViews(Reader reader) {
		if (!this.policy.seesGroupViews(reader)) {
			throw new AccessDeniedException("The Working Group on Statistics and the Chair's office");
		}
	}

	public record Difference(int period, String exporterCode, Localized exporter, String importerCode,
			Localized importer, BigDecimal exportCarats, BigDecimal exportValue, BigDecimal importCarats,
			BigDecimal importValue) {

		public BigDecimal caratsDifference() {
			return difference(this.exportCarats, this.importCarats);
		}

		public BigDecimal valueDifference() {
			return difference(this.exportValue, this.importValue);
		}

		public boolean oneSided() {
			return this.exportCarats == null || this.importCarats == null;
		}

		private static BigDecimal difference(BigDecimal exported, BigDecimal imported) {
			return (exported == null ? BigDecimal.ZERO : exported).subtract(imported == null ? BigDecimal.ZERO : imported);
		}

	}

	public record MirrorPage(int year, int period, int page, int pages, int total, List<Difference> differences) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return this.page + 1 < this.pages;
		}

	}

	public record Missing(String code, Localized participant, ReturnKind kind, int period, LocalDate due,
			boolean overdue) {
	}

}
