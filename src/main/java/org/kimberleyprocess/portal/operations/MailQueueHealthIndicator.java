package org.kimberleyprocess.portal.operations;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.notifications.MailQueue;

/**
 * The mail queue's health (the contributor {@code mailQueue}, in the {@code operations} group):
 * DOWN when the oldest email still waiting was queued longer ago than
 * {@code portal.operations.mail-queue.max-age}, which means the SMTP server has refused or been
 * out of reach for that long. It is kept out of readiness: a backlog is the same on every node,
 * and taking them all out of the load balancer would not send a single email.
 */
@Component
class MailQueueHealthIndicator implements HealthIndicator {

	private final Backlogs backlogs;

	private final Clock clock;

	private final Duration maxAge;

	MailQueueHealthIndicator(Backlogs backlogs, Clock clock,
			@Value("${portal.operations.mail-queue.max-age:PT30M}") Duration maxAge) {
		this.backlogs = backlogs;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@Override
	public Health health() {
		MailQueue.Backlog backlog = this.backlogs.mail();
		Duration age = QueueMetrics.ageOfOldest(backlog, this.clock.instant());
		Health.Builder health = age.compareTo(this.maxAge) > 0 ? Health.down() : Health.up();
		return health.withDetail("pending", backlog.pending())
			.withDetail("oldestPendingAge", age.withNanos(0).toString())
			.withDetail("maxAge", this.maxAge.toString())
			.withDetail("failed", backlog.failed())
			.build();
	}

}
