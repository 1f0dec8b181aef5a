package org.kimberleyprocess.portal.notifications;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed or whose node stopped before it finished: the
 * publications still incomplete after a minute, every minute, on one node at a time
 * ({@link NotificationSchedule}). Each publication is marked as resubmitted by a conditional
 * update before its listener is called again, so two runs at once do not both deliver it.
 */
@Component
public class Resubmission {

	private final IncompleteEventPublications incomplete;

	Resubmission(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	void resubmitStale() {
		resubmit(Duration.ofMinutes(1));
	}

	/** Resubmits what has been incomplete for longer than the given time. */
	public void resubmit(Duration olderThan) {
		this.incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
	}

}
