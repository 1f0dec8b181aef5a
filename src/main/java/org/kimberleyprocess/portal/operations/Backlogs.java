package org.kimberleyprocess.portal.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.notifications.MailQueue;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The queues an operator watches, read from the database at most once per sampling interval
 * ({@code portal.operations.sample-interval}), however often Prometheus scrapes or a monitor asks
 * for health, and on whichever node: the gauges and the health check share these readings.
 */
@Component
class Backlogs {

	private final Sample<MailQueue.Backlog> mail;

	private final Sample<Long> incompleteEvents;

	Backlogs(MailQueue queue, JdbcTemplate jdbc, PortalClock clock,
			@Value("${portal.operations.sample-interval:PT15S}") Duration interval) {
		// The real time, not the portal's: a test or the demo moving the portal's clock backwards
		// must not keep an old reading.
		this.mail = new Sample<>(queue::backlog, clock.wallClock(), interval);
		this.incompleteEvents = new Sample<>(() -> jdbc.queryForObject(
				"SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Long.class), clock.wallClock(),
				interval);
	}

	MailQueue.Backlog mail() {
		return this.mail.get();
	}

	/** Event publications whose listener has not (yet) completed: failed, or still to run. */
	long incompleteEvents() {
		return this.incompleteEvents.get();
	}

	/** Reads again at the next request, whatever the interval. */
	void refresh() {
		this.mail.expire();
		this.incompleteEvents.expire();
	}

	/**
	 * A value read at most once per interval. A failed read (the database away) is remembered for
	 * the interval too, so that an outage does not turn every scrape into a connection attempt.
	 */
	static final class Sample<T> {

		private final Supplier<T> source;

		private final Clock clock;

		private final Duration interval;

		private T value;

		private RuntimeException failure;

		private Instant readAt;

		Sample(Supplier<T> source, Clock clock, Duration interval) {
			this.source = source;
			this.clock = clock;
			this.interval = interval;
		}

		synchronized T get() {
			Instant now = this.clock.instant();
			if (this.readAt == null || !now.isBefore(this.readAt.plus(this.interval))) {
				try {
					this.value = this.source.get();
					this.failure = null;
				}
				catch (RuntimeException ex) {
					this.failure = ex;
				}
				this.readAt = now;
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.value;
		}

		synchronized void expire() {
			this.readAt = null;
		}

	}

}
