package org.kimberleyprocess.portal.statistics;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * Which years the Working Group on Statistics has closed. A closed year is public and takes no
 * more submissions: the returns side asks {@link #isClosed(int)} before saving.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsYears {

	private final NamedParameterJdbcTemplate jdbc;

	private final StatisticsPolicy policy;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	StatisticsYears(NamedParameterJdbcTemplate jdbc, StatisticsPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
	}

	public boolean isClosed(int year) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM statistics_year WHERE year = :year",
				Map.of("year", year), Integer.class);
		return count != null && count > 0;
	}

	/** The closed years, latest first. */
	public List<Integer> closedYears() {
		return this.jdbc.queryForList("SELECT year FROM statistics_year ORDER BY year DESC", Map.of(), Integer.class);
	}

	int currentYear() {
		return this.clock.instant().atZone(ZoneOffset.UTC).getYear();
	}

	/** Closes a year that is over and not yet closed; the insert is audited as any entity's. */
	@Transactional
	public void close(Reader reader, int year) {
		if (!this.policy.canCloseYear(reader)) {
			throw new AccessDeniedException("The Working Group on Statistics' chair closes a year");
		}
		if (year >= currentYear()) {
			throw new InvalidInputException("year", "statistics.year.notOver");
		}
		if (isClosed(year)) {
			throw new InvalidInputException("year", "statistics.year.alreadyClosed");
		}
		this.entityManager.persist(new StatisticsYear(year, reader.accountId(), this.clock.instant()));
		this.entityManager.flush();
	}

}
