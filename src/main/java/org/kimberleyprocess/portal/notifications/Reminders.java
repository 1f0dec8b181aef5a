package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.consensus.ConsensusService.Silent;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.documents.DocumentRecords;

/**
 * Reminds the delegations that have not taken a position on a written procedure, 48 hours and
 * 24 hours before its deadline: the heads and alternates of each silent Participant, once per
 * reminder (a row per round, Participant and reminder keeps it so on any number of nodes).
 */
@Component
class Reminders {


	private final ConsensusService consensus;

	private final DocumentRecords records;

	private final DirectoryQueries directory;

	private final Notifier notifier;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Reminders(ConsensusService consensus, DocumentRecords records, DirectoryQueries directory, Notifier notifier,
			JdbcTemplate jdbc, Clock clock) {
		this.consensus = consensus;
		this.records = records;
		this.directory = directory;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Sends what is due now, every few minutes ({@link NotificationSchedule}). The reminder's row is
	 * written in the same transaction as its notifications: on Galera, two nodes writing the same
	 * row conflict at certification, and the one that loses rolls back its notifications with it.
	 */
	@Transactional
	public int remind() {
		Instant now = this.clock.instant();
		// The 48-hour reminder while 24 to 48 hours remain; the 24-hour one in the last day.
		return remind(48, now.plus(Duration.ofHours(24)), now.plus(Duration.ofHours(48)))
				+ remind(24, now, now.plus(Duration.ofHours(24)));
	}

	private int remind(int hours, Instant from, Instant until) {
		List<Silent> silent = this.consensus.silentDelegations(from, until);
		if (silent.isEmpty()) {
			return 0;
		}
		Map<Long, String> titles = this.records.titles(silent.stream().map(Silent::documentId).toList());
		int reminded = 0;
		for (Silent round : silent) {
			for (long organisation : round.organisations()) {
				int inserted = this.jdbc.update(
						"INSERT IGNORE INTO deadline_reminder (round_id, organisation_id, hours_before) VALUES (?, ?, ?)",
						round.roundId(), organisation, hours);
				if (inserted == 0) {
					continue;
				}
				this.notifier.notify(
						this.directory.peopleWithRoles(List.of(organisation), Role.HEAD_OF_DELEGATION, Role.ALTERNATE),
						NotificationType.DEADLINE_REMINDER, "/documents/" + round.documentId() + "/consensus",
						List.of(titles.getOrDefault(round.documentId(), ""), Messages.time(round.deadline()),
								String.valueOf(hours)));
				reminded++;
			}
		}
		return reminded;
	}

}
