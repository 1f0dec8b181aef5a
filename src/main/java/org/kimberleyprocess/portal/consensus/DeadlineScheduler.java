package org.kimberleyprocess.portal.consensus;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes written procedures at their deadline, on one node at a time. The lock only spares the
 * other nodes the work: {@link RoundClosing}, which reads each round afresh under its row lock,
 * is what lets exactly one close each round, also when two nodes get past the lock (one that held
 * it longer than {@code lockAtMostFor}); on Galera the second one's closing then fails
 * certification, rolls back whole, runs again and finds the round closed.
 */
@Component
class DeadlineScheduler {

	private final ConsensusService consensus;

	DeadlineScheduler(ConsensusService consensus) {
		this.consensus = consensus;
	}

	@Scheduled(fixedDelayString = "${portal.consensus.deadline-check:PT30S}")
	@SchedulerLock(name = "consensus-deadlines", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void closeDueRounds() {
		this.consensus.closeDueRounds();
	}

}
