package org.kimberleyprocess.portal.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.kimberleyprocess.portal.consensus.ConsensusEvents;
import org.kimberleyprocess.portal.consensus.RoundOutcome;
import org.kimberleyprocess.portal.consensus.RoundStatus;

/**
 * Counts the consensus rounds ended on this node, by outcome
 * ({@code portal_consensus_rounds_closed_total{outcome="ADOPTED"|"NOT_ADOPTED"|"WITHDRAWN"}}),
 * once the ending has committed, so one that rolled back is not counted. Every outcome is
 * registered at start, so each series exists from zero and a rate over it is right from the first
 * round.
 */
@Component
class ConsensusMetrics {

	private static final String WITHDRAWN = RoundStatus.WITHDRAWN.name();

	private final MeterRegistry registry;

	ConsensusMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (RoundOutcome outcome : RoundOutcome.values()) {
			counter(outcome.name());
		}
		counter(WITHDRAWN);
	}

	@TransactionalEventListener
	void roundClosed(ConsensusEvents.RoundClosed event) {
		counter(event.outcome() != null ? event.outcome().name() : WITHDRAWN).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder("portal.consensus.rounds.closed")
			.description("Consensus rounds ended, by outcome (a withdrawn round has none)")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
