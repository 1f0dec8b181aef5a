package org.kimberleyprocess.portal.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.notifications.MailQueue;

/**
 * The queues as gauges (Prometheus names in brackets): emails waiting
 * ({@code portal_mail_pending}), how long the oldest has waited
 * ({@code portal_mail_oldest_pending_age_seconds}), emails given up after every retry
 * ({@code portal_mail_failed}) and event publications not completed
 * ({@code portal_events_incomplete}). Each scrape reads the last sample (see {@link Backlogs}).
 */
@Component
class QueueMetrics implements MeterBinder {

	private final Backlogs backlogs;

	private final Clock clock;

	QueueMetrics(Backlogs backlogs, Clock clock) {
		this.backlogs = backlogs;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("portal.mail.pending", this.backlogs, (backlogs) -> backlogs.mail().pending())
			.description("Emails waiting to be sent, including those waiting for a retry")
			.register(registry);
		TimeGauge.builder("portal.mail.oldest.pending.age", this, TimeUnit.SECONDS, QueueMetrics::oldestPendingSeconds)
			.description("How long the oldest email still waiting has been queued, by the portal's clock")
			.register(registry);
		Gauge.builder("portal.mail.failed", this.backlogs, (backlogs) -> backlogs.mail().failed())
			.description("Emails given up after every retry, waiting for an administrator")
			.register(registry);
		Gauge.builder("portal.events.incomplete", this.backlogs, Backlogs::incompleteEvents)
			.description("Event publications whose listener has not completed (failed, or still to run)")
			.register(registry);
	}

	private double oldestPendingSeconds() {
		return ageOfOldest(this.backlogs.mail(), this.clock.instant()).toMillis() / 1000.0;
	}

	/** Zero when nothing waits; measured now, so it grows between two samples. */
	static Duration ageOfOldest(MailQueue.Backlog backlog, Instant now) {
		Instant oldest = backlog.oldestPending();
		return (oldest == null || oldest.isAfter(now)) ? Duration.ZERO : Duration.between(oldest, now);
	}

}
