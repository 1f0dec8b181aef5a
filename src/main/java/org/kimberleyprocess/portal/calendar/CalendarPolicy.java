package org.kimberleyprocess.portal.calendar;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitPolicy;

/**
 * Whose a calendar feed is and what it may hold: the one place these rules live. A feed is read
 * by calendar programs that cannot sign in, so its secret address stands for its owner, who is
 * judged as the reader their account is now (an inactive account's address opens nothing). The
 * feed holds only what its owner may open, each module answering by its own policy: review
 * visits as the register shows them (with their scope for those who take part in peer review),
 * the meetings the owner may see, and the deadlines of written procedures on texts the owner may
 * read.
 */
@Component
class CalendarPolicy {

	private final CalendarFeeds feeds;

	private final Readers readers;

	private final ReviewVisitPolicy visits;

	CalendarPolicy(CalendarFeeds feeds, Readers readers, ReviewVisitPolicy visits) {
		this.feeds = feeds;
		this.readers = readers;
		this.visits = visits;
	}

	/** The reader the address belongs to, if the address is valid and the account active. */
	Optional<Feed> ownerOf(String token) {
		return this.feeds.ownerOf(token)
			.flatMap((owner) -> this.readers.ofAccount(owner.accountId())
				.map((reader) -> new Feed(reader, owner.language())));
	}

	/** A feed's owner as a reader, and the language the feed is written in. */
	record Feed(Reader reader, java.util.Locale language) {
	}

	boolean showsVisitScope(Reader owner) {
		return this.visits.seesInternals(owner);
	}

}
