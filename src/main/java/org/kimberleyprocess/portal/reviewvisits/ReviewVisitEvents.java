package org.kimberleyprocess.portal.reviewvisits;

/** What the review-visit lifecycle announces, for notifications. */
public final class ReviewVisitEvents {

	private ReviewVisitEvents() {
	}

	/** The visit moved from one step of its lifecycle to the next. */
	public record Moved(long visitId, long hostOrganisationId, String from, String to) {
	}

}
