package org.kimberleyprocess.portal.statistics;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many of a year's returns each Participant has submitted: two half-years of production and
 * four quarters of trade make a complete year. Other modules (the compliance board) read it here.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsCompleteness {

	public static final int PRODUCTION_PERIODS = 2;

	public static final int TRADE_PERIODS = 4;

	private final NamedParameterJdbcTemplate jdbc;

	StatisticsCompleteness(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The returns submitted for {@code year}, by Participant (organisation id); absent means none. */
	public Map<Long, Completeness> forYear(int year) {
		Map<Long, Completeness> result = new HashMap<>();
		this.jdbc.query("""
				SELECT participant_id, SUM(kind = 'PRODUCTION') AS production, SUM(kind = 'TRADE') AS trade
				FROM statistics_return WHERE year = :year GROUP BY participant_id""", Map.of("year", year),
				(row) -> {
					result.put(row.getLong("participant_id"),
							new Completeness(row.getInt("production"), row.getInt("trade")));
				});
		return result;
	}

	public record Completeness(int productionReturns, int tradeReturns) {

		public static final Completeness NONE = new Completeness(0, 0);

		public boolean complete() {
			return this.productionReturns >= PRODUCTION_PERIODS && this.tradeReturns >= TRADE_PERIODS;
		}

	}

}
