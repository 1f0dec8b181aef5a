package org.kimberleyprocess.portal.generator;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.generator.Directory.Group;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;

/**
 * What people were told: each act of the generated history becomes a candidate notification for
 * the people the notification listeners would tell, kept only for those who may open what it
 * links to now (the inbox hides the others). The inboxes are then filled from those candidates
 * to the totals asked for, the benchmark's reader getting exactly its share.
 */
final class Inboxes {

	private static final String SEPARATOR = "\u001f";

	private static final String KEY = "\u0002";

	/** Marks an argument the inbox writes as a moment in the reader's language, as the notifications module does. */
	private static final String TIME = "\u0003";

	private static final Set<String> DIGEST = Set.of("DOCUMENT_CIRCULATED", "DOCUMENT_ADOPTED", "COMMUNIQUE_PUBLISHED",
			"VISIT_MOVED", "AGENDA_CHANGED");

	/** A document as its readers are judged now. */
	record View(long id, String title, String status, String confidentiality, Group group, Set<Long> editors,
			Set<Long> shares) {
	}

	private record Event(String type, String link, String arguments, Instant at, View document,
			List<Person> recipients) {
	}

	private final List<Event> broadcast = new ArrayList<>();

	private final List<Event> addressed = new ArrayList<>();

	private final Directory directory;

	private final Calendar calendar;

	private final Random random;

	private final Instant now;

	private final Map<Long, View> views = new HashMap<>();

	Inboxes(Directory directory, Calendar calendar, Random random, Instant now) {
		this.directory = directory;
		this.calendar = calendar;
		this.random = random;
		this.now = now;
	}

	private View view(Documents.Doc doc) {
		return this.views.computeIfAbsent(doc.id, (id) -> new View(doc.id, doc.title, null, doc.confidentiality,
				doc.group, doc.editors.stream().map(Organisation::id).collect(Collectors.toSet()),
				doc.shares.stream().map(Organisation::id).collect(Collectors.toSet())));
	}

	/** The documents' states once written: who may open them is judged on those. */
	void settle(List<Documents.Doc> docs) {
		for (Documents.Doc doc : docs) {
			View view = this.views.get(doc.id);
			if (view != null) {
				this.views.put(doc.id, new View(doc.id, doc.title, doc.status, doc.confidentiality, doc.group,
						view.editors(), view.shares()));
			}
		}
		this.broadcast.replaceAll((e) -> e.document() == null ? e
				: new Event(e.type(), e.link(), e.arguments(), e.at(), this.views.get(e.document().id()), e.recipients()));
		this.addressed.replaceAll((e) -> e.document() == null ? e
				: new Event(e.type(), e.link(), e.arguments(), e.at(), this.views.get(e.document().id()), e.recipients()));
	}

	void circulated(Documents.Doc doc, Instant at) {
		this.broadcast.add(new Event("DOCUMENT_CIRCULATED", "/documents/" + doc.id, doc.title, later(at), view(doc),
				null));
	}

	void adopted(Documents.Doc doc, String number, Instant at) {
		this.broadcast.add(new Event("DOCUMENT_ADOPTED", "/documents/" + doc.id, doc.title + SEPARATOR + number,
				later(at), view(doc), null));
	}

	void roundOpened(Documents.Doc doc, Documents.Round round, Instant at) {
		List<Person> heads = new ArrayList<>();
		round.eligible.forEach((organisation) -> heads.addAll(this.directory.representatives(organisation)));
		this.addressed.add(new Event("ROUND_OPENED", "/documents/" + doc.id + "/consensus",
				doc.title + SEPARATOR + KEY + "consensus.kind." + round.kind + SEPARATOR
						+ (round.deadline == null ? "—" : TIME + round.deadline),
				later(at), view(doc), heads));
	}

	void positionRecorded(Documents.Doc doc, Organisation organisation, String position, String recordedBy,
			Instant at) {
		this.addressed.add(new Event("POSITION_RECORDED", "/documents/" + doc.id + "/consensus",
				doc.title + SEPARATOR + KEY + "consensus.position." + position + SEPARATOR + recordedBy, later(at),
				view(doc), this.directory.representatives(organisation)));
	}

	void commentReply(long documentId, String title, String confidentiality, Group group, Set<Organisation> shares,
			long commentId, Person parentAuthor, String authorName, Instant at) {
		View view = this.views.computeIfAbsent(documentId, (id) -> new View(documentId, title, "CIRCULATED",
				confidentiality, group, Set.of(), shares.stream().map(Organisation::id).collect(Collectors.toSet())));
		this.addressed.add(new Event("COMMENT_REPLY", "/documents/" + documentId + "#comment-" + commentId,
				authorName + SEPARATOR + title, later(at), view, List.of(parentAuthor)));
	}

	void agendaChanged(Meetings.Meeting meeting, String item, Instant at) {
		this.addressed.add(new Event("AGENDA_CHANGED", "/meetings/" + meeting.id, meeting.title + SEPARATOR + item,
				later(at), null, List.copyOf(meeting.attendees)));
	}

	void visitMoved(Visits.Visit visit, String to, Instant at) {
		this.addressed.add(new Event("VISIT_MOVED", "/review-visits/" + visit.id,
				visit.host.nameEn() + SEPARATOR + KEY + "visit.status." + to, later(at), null,
				this.directory.representatives(visit.host)));
	}

	/** The listeners run just after the act's transaction commits. */
	private Instant later(Instant at) {
		return at.plusMillis(40 + this.random.nextInt(900));
	}

	/**
	 * Fills the inboxes to {@code total} notifications in all, of which {@code forReader} for the
	 * benchmark's reader, counting those already there. Answers how many were written.
	 */
	int write(JdbcTemplate jdbc, int total, int forReader, String reader) {
		Person benchmark = this.directory.person(reader);
		int existing = jdbc.queryForObject("SELECT COUNT(*) FROM notification", Integer.class);
		int existingForReader = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE account_id = ?",
				Integer.class, benchmark.id());
		int wantedForReader = Math.max(0, forReader - existingForReader);
		int wanted = Math.max(0, total - existing);
		Map<Person, List<Event>> candidates = new HashMap<>();
		for (Event event : this.broadcast) {
			for (Person person : this.directory.people) {
				if (toldOfEverything(person) && mayOpen(person, event.document())) {
					candidates.computeIfAbsent(person, (p) -> new ArrayList<>()).add(event);
				}
			}
		}
		for (Event event : this.addressed) {
			for (Person person : event.recipients()) {
				if (event.document() == null || mayOpen(person, event.document())) {
					candidates.computeIfAbsent(person, (p) -> new ArrayList<>()).add(event);
				}
			}
		}
		Map<Person, Integer> quotas = new HashMap<>();
		List<Event> forBenchmark = candidates.getOrDefault(benchmark, List.of());
		quotas.put(benchmark, Math.min(wantedForReader, forBenchmark.size()));
		int others = Math.max(0, wanted - quotas.get(benchmark));
		double weights = 0;
		for (Person person : candidates.keySet()) {
			if (person != benchmark) {
				weights += weight(person);
			}
		}
		int given = 0;
		List<Person> people = new ArrayList<>(candidates.keySet());
		people.sort(Comparator.comparingLong(Person::id));
		for (Person person : people) {
			if (person == benchmark) {
				continue;
			}
			int quota = (int) Math.min(candidates.get(person).size(), Math.floor(others * weight(person) / weights));
			quotas.put(person, quota);
			given += quota;
		}
		boolean progress = true;
		while (given < others && progress) {
			progress = false;
			for (Person person : people) {
				if (given >= others) {
					break;
				}
				if (person != benchmark && quotas.get(person) < candidates.get(person).size()) {
					quotas.merge(person, 1, Integer::sum);
					given++;
					progress = true;
				}
			}
		}
		List<Object[]> rows = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
		for (Person person : people) {
			List<Event> mine = new ArrayList<>(candidates.get(person));
			Collections.shuffle(mine, this.random);
			for (Event event : mine.subList(0, quotas.get(person))) {
				String delivery = DIGEST.contains(event.type()) ? "DIGEST" : "IMMEDIATE";
				Instant read = null;
				long age = Duration.between(event.at(), this.now).toDays();
				int unread = age < 30 ? 50 : age < 365 ? 8 : 2;
				if (this.random.nextInt(100) >= unread) {
					read = event.at().plusSeconds(300 + this.random.nextInt(7 * 86_400));
					if (read.isAfter(this.now)) {
						read = this.now.minusSeconds(60);
					}
				}
				LocalDate day = LocalDate.ofInstant(event.at(), ZoneOffset.UTC);
				Instant digested = "DIGEST".equals(delivery) && day.isBefore(today)
						? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusMillis(this.random.nextInt(4000))
						: null;
				rows.add(new Object[] { person.id(), event.type(), event.arguments(), event.link(), delivery,
						Timestamp.from(event.at()), read == null ? null : Timestamp.from(read),
						digested == null ? null : Timestamp.from(digested) });
			}
		}
		rows.sort(Comparator.comparing((Object[] row) -> (Timestamp) row[5]));
		Rows notifications = new Rows(jdbc, """
				INSERT INTO notification (account_id, type, arguments, link, delivery, created_at, read_at, digested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
		rows.forEach(notifications::add);
		notifications.flush();
		return rows.size();
	}

	/** Heads, alternates, Observers' representatives and the Chair's office hear of every circulation and adoption. */
	private static boolean toldOfEverything(Person person) {
		return person.has("HEAD_OF_DELEGATION") || person.has("ALTERNATE") || person.has("OBSERVER_REPRESENTATIVE")
				|| person.has("CHAIRS_OFFICE");
	}

	private static double weight(Person person) {
		if (person.has("HEAD_OF_DELEGATION") || person.has("ALTERNATE")) {
			return 3;
		}
		if (person.has("OBSERVER_REPRESENTATIVE") || person.has("CHAIRS_OFFICE")) {
			return 2;
		}
		return 0.5;
	}

	/** The reading rule of the documents module, as it applies to this person now. */
	private boolean mayOpen(Person person, View document) {
		Organisation organisation = person.organisation();
		int year = LocalDate.ofInstant(this.now, ZoneOffset.UTC).getYear();
		if (person.has("CHAIRS_OFFICE") && this.calendar.chair(year).id() == organisation.id()) {
			return true;
		}
		if (document.group() != null && document.group().chairAccountId() != null
				&& document.group().chairAccountId() == person.id()) {
			return true;
		}
		boolean delegation = person.has("HEAD_OF_DELEGATION") || person.has("ALTERNATE") || person.has("DELEGATE");
		if (delegation && document.editors().contains(organisation.id())) {
			return true;
		}
		if (document.status() == null || "DRAFT".equals(document.status())) {
			return false;
		}
		boolean participant = organisation.isParticipant() && !"APPLICANT".equals(organisation.participantStatus());
		return switch (document.confidentiality()) {
			case "PUBLIC" -> true;
			case "PLENARY" -> participant || "OBSERVER".equals(organisation.kind())
					|| "SECRETARIAT".equals(organisation.kind()) || document.shares().contains(organisation.id());
			case "PARTICIPANTS" -> participant || document.shares().contains(organisation.id());
			case "WORKING_GROUP" -> ((participant || "OBSERVER".equals(organisation.kind())) && document.group() != null
					&& document.group().hasMember(organisation.id())) || document.shares().contains(organisation.id());
			default -> false;
		};
	}

}
