package org.kimberleyprocess.portal.statistics;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Plants returns with SQL, in years far from the demo data, and removes them afterwards. */
final class StatisticsRows {

	private final JdbcTemplate jdbc;

	StatisticsRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long organisation(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organisation WHERE code = ?", Long.class, code);
	}

	long account(String username) {
		return this.jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
	}

	/** A return whose current version is its second, so that only that version's lines count. */
	long version(String participant, String kind, int year, int period) {
		long participantId = organisation(participant);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO statistics_return (participant_id, kind, year,"
					+ " period, current_version) VALUES (?, ?, ?, ?, 2)", new String[] { "id" });
			statement.setLong(1, participantId);
			statement.setString(2, kind);
			statement.setInt(3, year);
			statement.setInt(4, period);
			return statement;
		}, key);
		long returnId = key.getKey().longValue();
		long submitter = account("hod-bw");
		this.jdbc.update("INSERT INTO statistics_return_version (return_id, number, source, submitted_by, submitted_at)"
				+ " VALUES (?, 1, 'FORM', ?, '2016-01-01')", returnId, submitter);
		long old = this.jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
		// A superseded figure that must never be counted.
		this.jdbc.update("INSERT INTO statistics_line (version_id, flow, carats, value_usd) VALUES (?, 'PRODUCTION', 999999, 999999)", old);
		this.jdbc.update("INSERT INTO statistics_return_version (return_id, number, source, submitted_by, submitted_at)"
				+ " VALUES (?, 2, 'FORM', ?, '2016-02-01')", returnId, submitter);
		return this.jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
	}

	void production(String participant, int year, int half, String carats, String value) {
		long version = version(participant, "PRODUCTION", year, half);
		this.jdbc.update("INSERT INTO statistics_line (version_id, flow, carats, value_usd) VALUES (?, 'PRODUCTION', ?, ?)",
				version, carats, value);
	}

	void trade(long version, String flow, String partner, String carats, String value, int certificates) {
		this.jdbc.update("INSERT INTO statistics_line (version_id, flow, partner_id, carats, value_usd, certificates)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", version, flow, organisation(partner), carats, value, certificates);
	}

	void closeYear(int year) {
		this.jdbc.update("INSERT INTO statistics_year (year, closed_by, closed_at) VALUES (?, ?, '2016-06-30')", year,
				account("hod-bw"));
	}

	void removeYears(List<Integer> years) {
		for (int year : years) {
			this.jdbc.update("DELETE l FROM statistics_line l JOIN statistics_return_version v ON v.id = l.version_id"
					+ " JOIN statistics_return r ON r.id = v.return_id WHERE r.year = ?", year);
			this.jdbc.update("DELETE v FROM statistics_return_version v JOIN statistics_return r ON r.id = v.return_id"
					+ " WHERE r.year = ?", year);
			this.jdbc.update("DELETE FROM statistics_return WHERE year = ?", year);
			this.jdbc.update("DELETE FROM statistics_year WHERE year = ?", year);
		}
	}

}
