package org.kimberleyprocess.portal.chairs;

import java.time.Instant;

/** What the chair rotation announces to the rest of the portal. */
public final class ChairEvents {

	private ChairEvents() {
	}

	/** On 1 January at midnight UTC the Chair's office passed from one Participant to the next. */
	public record OfficeSwitched(int year, String outgoing, String incoming, Instant at) {
	}

	/**
	 * The rotation has no row for the year that has begun: no Participant's Chair's office holds
	 * its rights until one is set. Announced once per year.
	 */
	public record RotationMissing(int year, Instant noticedAt) {
	}

}
