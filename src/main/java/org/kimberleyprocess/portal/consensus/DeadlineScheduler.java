package org.kimberleyprocess.portal.consensus;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes written procedures at their deadline. Every node may run it: the guarded transition in
 * {@link ConsensusService} lets exactly one close each round.
 */
@Component
class DeadlineScheduler {

	private final ConsensusService consensus;

	DeadlineScheduler(ConsensusService consensus) {
		this.consensus = consensus;
	}

	@Scheduled(fixedDelayString = "${portal.consensus.deadline-check:PT30S}")
	void closeDueRounds() {
		this.consensus.closeDueRounds();
	}

}
