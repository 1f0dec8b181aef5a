package org.kimberleyprocess.portal.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;

/**
 * Who may be told of what: the one place this rule lives. A notification, its email, a reminder
 * and a digest line reach only those who may open what they link to, each person judged as the
 * directory builds their reader now (office and chair terms, Participant status), by the rule of
 * the module that owns the linked object. The same rule hides inbox entries whose object the
 * reader may no longer open, as when a Chair's office term has ended.
 */
@Component
class NotificationPolicy {

	private static final Pattern DOCUMENT = Pattern.compile("^/documents/(\\d+)(?:[/#?].*)?$");

	private static final Pattern MEETING = Pattern.compile("^/meetings/(\\d+)(?:[/#?].*)?$");

	private static final Pattern VISIT = Pattern.compile("^/review-visits/(\\d+)(?:[/#?].*)?$");

	private final Readers readers;

	private final DocumentReading documents;

	private final MeetingService meetings;

	private final ReviewVisitService visits;

	NotificationPolicy(Readers readers, DocumentReading documents, MeetingService meetings,
			ReviewVisitService visits) {
		this.visits = visits;
		this.readers = readers;
		this.documents = documents;
		this.meetings = meetings;
	}

	/** The email that keeps failing is the administrators' to see and retry. */
	void requireEmailAdministrator(Reader reader) {
		if (!reader.isAdministrator()) {
			throw new AccessDeniedException("Administrators only");
		}
	}

	/** Those of the people who may open the link now; inactive accounts are left out. */
	List<Long> mayOpen(String link, Collection<Long> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		List<Long> allowed = new ArrayList<>();
		Map<List<Object>, Boolean> answers = new HashMap<>();
		for (Reader reader : this.readers.ofAccounts(people)) {
			List<Object> alike = List.of(reader.organisationId(), reader.audience(), reader.roles(),
					reader.memberGroups(), reader.chairedGroups(), link.startsWith("/meetings/") ? reader.accountId() : 0L);
			if (answers.computeIfAbsent(alike, (key) -> !openable(reader, List.of(link)).isEmpty())) {
				allowed.add(reader.accountId());
			}
		}
		return allowed;
	}

	/**
	 * Those of the links the reader may open now: a query per kind of object at most, whatever
	 * their number. Links to anything else (published communiqués, the rotation) are public.
	 */
	Set<String> openable(Reader reader, Collection<String> links) {
		Map<String, Long> documentLinks = new HashMap<>();
		Map<String, Long> meetingLinks = new HashMap<>();
		Map<String, Long> visitLinks = new HashMap<>();
		Set<String> open = new HashSet<>();
		for (String link : links) {
			Matcher document = DOCUMENT.matcher(link);
			Matcher meeting = MEETING.matcher(link);
			Matcher visit = VISIT.matcher(link);
			if (document.matches()) {
				documentLinks.put(link, Long.valueOf(document.group(1)));
			}
			else if (meeting.matches()) {
				meetingLinks.put(link, Long.valueOf(meeting.group(1)));
			}
			else if (visit.matches()) {
				visitLinks.put(link, Long.valueOf(visit.group(1)));
			}
			else {
				open.add(link);
			}
		}
		if (!documentLinks.isEmpty()) {
			Set<Long> readable = this.documents.visibleAmong(reader, Set.copyOf(documentLinks.values()))
				.stream()
				.map(Document::getId)
				.collect(Collectors.toSet());
			documentLinks.forEach((link, id) -> {
				if (readable.contains(id)) {
					open.add(link);
				}
			});
		}
		if (!meetingLinks.isEmpty()) {
			Set<Long> visible = this.meetings.visibleAmong(reader, Set.copyOf(meetingLinks.values()));
			meetingLinks.forEach((link, id) -> {
				if (visible.contains(id)) {
					open.add(link);
				}
			});
		}
		if (!visitLinks.isEmpty()) {
			Set<Long> visible = this.visits.visibleAmong(reader, Set.copyOf(visitLinks.values()));
			visitLinks.forEach((link, id) -> {
				if (visible.contains(id)) {
					open.add(link);
				}
			});
		}
		return open;
	}

}
