package org.kimberleyprocess.portal.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.kimberleyprocess.portal.consensus.ConsensusEvents;

/**
 * Counts the consensus rounds closed on this node, by outcome
 * ({@code portal_consensus_rounds_closed_total{outcome="ADOPTED"|"NOT_ADOPTED"}}): once the
 * closing has committed, so a close that rolled back is not counted.
 */
@Component
class ConsensusMetrics {

	private final MeterRegistry registry;

	ConsensusMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener
	void roundClosed(ConsensusEvents.RoundClosed event) {
		Counter.builder("portal.consensus.rounds.closed")
			.description("Consensus rounds closed, by outcome")
			.tag("outcome", event.outcome())
			.register(this.registry)
			.increment();
	}

}
