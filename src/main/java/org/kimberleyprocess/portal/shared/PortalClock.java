package org.kimberleyprocess.portal.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's only source of time. It runs with the system clock, shifted by an offset
 * that the demo sets at start-up (so the demo opens in November 2016 and time keeps running)
 * and that tests move to cross deadlines or the turn of a year.
 */
public class PortalClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	public PortalClock(Clock base, Duration offset) {
		this.base = base;
		this.offset = new AtomicReference<>(offset);
	}

	/**
	 * The real time, unshifted: for what must agree with devices outside the portal, such as the
	 * codes of a person's authenticator app, which the demo's and the tests' offsets would break.
	 */
	public Clock wallClock() {
		return this.base;
	}

	/** Moves the clock so that it reads {@code instant} now, and keeps it running from there. */
	public void travelTo(Instant instant) {
		this.offset.set(Duration.between(this.base.instant(), instant));
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset.get());
	}

}
