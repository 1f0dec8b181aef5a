package org.kimberleyprocess.portal.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentReading.SearchHits;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitPolicy;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;

/**
 * Gathers the hits of each module, every one found under that module's own reading rule (the
 * same as its detail page), newest first. Each module gives its newest hits in the order they are
 * merged in, so the first {@code wanted} of the merged list are among the first {@code wanted} of
 * each module: a page of results reads no more hits of each kind than it and the pages before it
 * show.
 */
@Service
public class SearchService {

	private final DocumentReading documents;

	private final CommuniqueService communiques;

	private final ReviewVisitService visits;

	private final MeetingService meetings;

	private final ReviewVisitPolicy visitPolicy;

	SearchService(DocumentReading documents, CommuniqueService communiques, ReviewVisitService visits,
			ReviewVisitPolicy visitPolicy, MeetingService meetings) {
		this.visitPolicy = visitPolicy;
		this.documents = documents;
		this.communiques = communiques;
		this.visits = visits;
		this.meetings = meetings;
	}

	public enum Type {

		DOCUMENT, COMMENT, COMMUNIQUE, REVIEW_VISIT, MEETING

	}

	/**
	 * One hit; its extract is cut only when a page shows it, since most hits gathered are on
	 * other pages of the results.
	 */
	public record Hit(Type type, String title, String path, String text, String query, Instant date) {

		public Snippet snippet() {
			return Snippet.of(this.text, this.query);
		}

	}

	/** The newest {@code wanted} hits (at most) of the chosen type, or of every type, newest first. */
	public List<Hit> search(Reader reader, String query, Type type, Locale locale, int wanted) {
		List<Hit> hits = new ArrayList<>();
		if (type == null || type == Type.DOCUMENT || type == Type.COMMENT) {
			SearchHits found = this.documents.search(reader, query, wanted);
			if (type != Type.COMMENT) {
				found.documents()
					.forEach((hit) -> hits.add(new Hit(Type.DOCUMENT, hit.document().getTitle(),
							"/documents/" + hit.document().getId(), hit.text(), query,
							hit.document().getUpdatedAt())));
			}
			if (type != Type.DOCUMENT) {
				found.comments()
					.forEach((hit) -> hits.add(new Hit(Type.COMMENT, hit.document().getTitle(),
							"/documents/" + hit.document().getId() + "/comments/" + hit.comment().getId(),
							hit.comment().getAuthorName() + ": " + hit.comment().getMarkdown(), query,
							hit.comment().getCreatedAt())));
			}
		}
		if (type == null || type == Type.COMMUNIQUE) {
			// Dated by their meeting, the order in which the communiqués are found.
			this.communiques.search(query, wanted)
				.forEach((hit) -> hits.add(new Hit(Type.COMMUNIQUE, hit.revision().getTitle(), hit.communique().path(),
						hit.revision().getMarkdown(), query,
						hit.communique().getStartDate().atStartOfDay(ZoneOffset.UTC).toInstant())));
		}
		if (type == null || type == Type.REVIEW_VISIT) {
			this.visits.search(reader, query, wanted)
				.forEach((row) -> hits.add(new Hit(Type.REVIEW_VISIT,
						row.host() == null ? "" : row.host().name(locale) + " " + row.visit().getPreferredYear(),
						"/review-visits/" + row.visit().getId(),
						this.visitPolicy.seesInternals(reader) ? row.visit().getScope() : "", query, row.visit().getCreatedAt())));
		}
		if (type == null || type == Type.MEETING) {
			this.meetings.search(reader, query, wanted)
				.forEach((meeting) -> hits.add(new Hit(Type.MEETING, meeting.title(), "/meetings/" + meeting.id(),
						meeting.place(), query, meeting.startDate().atStartOfDay(ZoneOffset.UTC).toInstant())));
		}
		hits.sort(Comparator.comparing(Hit::date, Comparator.nullsLast(Comparator.reverseOrder())));
		return hits.size() > wanted ? List.copyOf(hits.subList(0, wanted)) : hits;
	}

}
