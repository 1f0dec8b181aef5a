package org.kimberleyprocess.portal.generator;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, kept until {@link #flush()} sends them in batches of a thousand: the caller
 * flushes parents before children, so foreign keys hold at every statement.
 */
final class Rows {

	private static final int BATCH = 1_000;

	private final JdbcTemplate jdbc;

	private final String sql;

	private final List<Object[]> pending = new ArrayList<>();

	Rows(JdbcTemplate jdbc, String sql) {
		this.jdbc = jdbc;
		this.sql = sql;
	}

	void add(Object... values) {
		this.pending.add(values);
	}

	void flush() {
		for (int from = 0; from < this.pending.size(); from += BATCH) {
			this.jdbc.batchUpdate(this.sql, this.pending.subList(from, Math.min(this.pending.size(), from + BATCH)));
		}
		this.pending.clear();
	}

}
