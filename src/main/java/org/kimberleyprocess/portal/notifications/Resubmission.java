package org.kimberleyprocess.portal.notifications;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed or whose node stopped before it finished:
 * every minute, the node that holds the database's named lock resubmits the publications still
 * incomplete after a minute.
 */
@Component
public class Resubmission {

	private static final String LOCK = "kp-portal-event-resubmission";

	private final IncompleteEventPublications incomplete;

	private final JdbcTemplate jdbc;

	Resubmission(IncompleteEventPublications incomplete, JdbcTemplate jdbc) {
		this.incomplete = incomplete;
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${portal.notifications.resubmit-check:PT1M}", initialDelayString = "PT1M")
	public void resubmitStale() {
		resubmit(Duration.ofMinutes(1));
	}

	/** Resubmits what has been incomplete for longer than the given time, if no other node is doing it. */
	public boolean resubmit(Duration olderThan) {
		return Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				try (ResultSet lock = statement.executeQuery("SELECT GET_LOCK('" + LOCK + "', 0)")) {
					if (!lock.next() || lock.getInt(1) != 1) {
						return false;
					}
				}
				try {
					this.incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
					return true;
				}
				finally {
					statement.execute("DO RELEASE_LOCK('" + LOCK + "')");
				}
			}
		}));
	}

}
