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
 * same as its detail page), newest first within the chosen type, a bounded number per type.
 */
@Service
public class SearchService {

	/** Hits gathered per type: enough for several pages, bounded whatever the data. */
	static final int PER_TYPE = 60;

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

	public List<Hit> search(Reader reader, String query, Type type, Locale locale) {
		List<Hit> hits = new ArrayList<>();
		if (type == null || type == Type.DOCUMENT || type == Type.COMMENT) {
			SearchHits found = this.documents.search(reader, query, PER_TYPE);
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
			this.communiques.search(query, PER_TYPE)
				.forEach((hit) -> hits.add(new Hit(Type.COMMUNIQUE, hit.revision().getTitle(), hit.communique().path(),
						hit.revision().getMarkdown(), query, hit.revision().getPublishedAt())));
		}
		if (type == null || type == Type.REVIEW_VISIT) {
			this.visits.search(reader, query, PER_TYPE)
				.forEach((row) -> hits.add(new Hit(Type.REVIEW_VISIT,
						row.host() == null ? "" : row.host().name(locale) + " " + row.visit().getPreferredYear(),
						"/review-visits/" + row.visit().getId(),
						this.visitPolicy.seesInternals(reader) ? row.visit().getScope() : "", query, row.visit().getCreatedAt())));
		}
		if (type == null || type == Type.MEETING) {
			this.meetings.search(reader, query, PER_TYPE)
				.forEach((meeting) -> hits.add(new Hit(Type.MEETING, meeting.getTitle(), "/meetings/" + meeting.getId(),
						meeting.getPlace(), query,
						meeting.getStartDate().atStartOfDay(ZoneOffset.UTC).toInstant())));
		}
		hits.sort(Comparator.comparing(Hit::date, Comparator.nullsLast(Comparator.reverseOrder())));
		return hits;
	}

}
