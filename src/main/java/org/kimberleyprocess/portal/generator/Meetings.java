package org.kimberleyprocess.portal.generator;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import org.kimberleyprocess.portal.generator.Directory.Group;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;

/**
 * Twenty years of meetings: each year a Plenary and an Intersessional meeting hosted by that
 * year's Chair, and the working groups and committees meeting during both weeks, with agendas
 * that take up the year's texts, the outcome recorded after each meeting, and the delegations
 * registered for them. The demo's own 2015 and 2016 meetings are kept as they are.
 */
final class Meetings {

	/** Where each year's Chair held its meetings: the Plenary's city first, then the Intersessional's. */
	private static final Map<String, String[]> VENUES = Map.ofEntries(Map.entry("za", new String[] { "Pretoria", "Kimberley" }),
			Map.entry("ch", new String[] { "Interlaken", "Geneva" }), Map.entry("ca", new String[] { "Gatineau", "Ottawa" }),
			Map.entry("ru", new String[] { "Moscow", "Moscow" }), Map.entry("bw", new String[] { "Gaborone", "Kasane" }),
			Map.entry("eu", new String[] { "Brussels", "Brussels" }), Map.entry("in", new String[] { "New Delhi", "Mumbai" }),
			Map.entry("na", new String[] { "Swakopmund", "Windhoek" }), Map.entry("il", new String[] { "Jerusalem", "Tel Aviv" }),
			Map.entry("cd", new String[] { "Kinshasa", "Kinshasa" }), Map.entry("us", new String[] { "Washington", "Washington" }),
			Map.entry("cn", new String[] { "Guangzhou", "Shanghai" }), Map.entry("ao", new String[] { "Luanda", "Luanda" }),
			Map.entry("ae", new String[] { "Dubai", "Dubai" }), Map.entry("au", new String[] { "Perth", "Perth" }));

	static final class Meeting {

		long id;

		final String kind;

		final String title;

		final Organisation host;

		final Group group;

		final String place;

		final LocalDate start;

		final LocalDate end;

		final int year;

		final Person preparedBy;

		final List<Item> agenda = new ArrayList<>();

		final List<Person> attendees = new ArrayList<>();

		/** The demo's own meeting, left untouched. */
		final boolean existing;

		Meeting(String kind, String title, Organisation host, Group group, String place, LocalDate start, LocalDate end,
				Person preparedBy, boolean existing) {
			this.kind = kind;
			this.title = title;
			this.host = host;
			this.group = group;
			this.place = place;
			this.start = start;
			this.end = end;
			this.year = start.getYear();
			this.preparedBy = preparedBy;
			this.existing = existing;
		}

		Instant day(int index, int hourUtc) {
			return this.start.plusDays(Math.min(index, this.end.toEpochDay() - this.start.toEpochDay()))
				.atTime(hourUtc, 0)
				.toInstant(ZoneOffset.UTC);
		}

		boolean isPast(Instant now) {
			return this.end.atTime(18, 0).toInstant(ZoneOffset.UTC).isBefore(now);
		}

	}

	record Item(String title, Documents.Doc document, String outcome) {
	}

	final List<Meeting> all = new ArrayList<>();

	private final Map<String, Meeting> plenaries = new HashMap<>();

	private final Map<String, Meeting> intersessionals = new HashMap<>();

	private final Map<String, List<Meeting>> groupMeetings = new HashMap<>();

	private final Directory directory;

	private final Calendar calendar;

	private final Random random;

	Meetings(Directory directory, Calendar calendar, Random random, JdbcTemplate jdbc, int firstYear, int lastYear) {
		this.directory = directory;
		this.calendar = calendar;
		this.random = random;
		Map<String, Long> demo = new HashMap<>();
		jdbc.query("SELECT id, kind, YEAR(start_date) FROM meeting", (RowCallbackHandler) (row) -> {
			demo.put(row.getString(2) + row.getInt(3), row.getLong(1));
		});
		for (int year = firstYear; year <= lastYear; year++) {
			Organisation chair = calendar.chair(year);
			Organisation host = (year == 2002) ? directory.organisation("ch") : chair;
			String[] venue = VENUES.getOrDefault(host.code(), new String[] { "Geneva", "Geneva" });
			Person office = calendar.chairsOffice(year);
			LocalDate intersessionalStart = LocalDate.of(year, 6, 1).plusDays(random.nextInt(20));
			LocalDate plenaryStart = LocalDate.of(year, 11, 3).plusDays(random.nextInt(14));
			Meeting intersessional = new Meeting("INTERSESSIONAL", "Intersessional meeting " + year, host, null,
					venue[1], intersessionalStart, intersessionalStart.plusDays(3), office,
					demo.containsKey("INTERSESSIONAL" + year));
			Meeting plenary = new Meeting("PLENARY", "Plenary meeting " + year, host, null, venue[0], plenaryStart,
					plenaryStart.plusDays(3), office, demo.containsKey("PLENARY" + year));
			if (intersessional.existing) {
				intersessional = existing(jdbc, demo.get("INTERSESSIONAL" + year), office);
			}
			if (plenary.existing) {
				plenary = existing(jdbc, demo.get("PLENARY" + year), office);
			}
			this.intersessionals.put(String.valueOf(year), intersessional);
			this.plenaries.put(String.valueOf(year), plenary);
			this.all.add(intersessional);
			this.all.add(plenary);
			for (Group group : directory.groups.values()) {
				for (Meeting week : List.of(intersessional, plenary)) {
					Meeting meeting = new Meeting("WORKING_GROUP",
							group.nameEn() + ": meeting at the " + week.title.replace(" meeting", ""), host, group,
							week.place, week.start, week.start.plusDays(1), calendar.groupChair(group, year), false);
					this.groupMeetings.computeIfAbsent(group.code() + year, (k) -> new ArrayList<>()).add(meeting);
					this.all.add(meeting);
				}
			}
		}
	}

	private static Meeting existing(JdbcTemplate jdbc, long id, Person office) {
		return jdbc.queryForObject("SELECT kind, title, place, start_date, end_date FROM meeting WHERE id = ?",
				(row, n) -> {
					Meeting meeting = new Meeting(row.getString(1), row.getString(2), null, null, row.getString(3),
							row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class), office, true);
					meeting.id = id;
					return meeting;
				}, id);
	}

	Meeting plenary(int year) {
		return this.plenaries.get(String.valueOf(year));
	}

	Meeting intersessional(int year) {
		return this.intersessionals.get(String.valueOf(year));
	}

	/** The group's meeting in the Intersessional week (0) or the Plenary week (1). */
	Meeting ofGroup(Group group, int year, int week) {
		List<Meeting> meetings = this.groupMeetings.get(group.code() + year);
		return meetings == null ? null : meetings.get(week);
	}

	/**
	 * Writes the meetings that are not the demo's, their agendas (standing items and the texts
	 * taken up, with outcomes once the meeting is over) and the registrations of delegations.
	 */
	void write(JdbcTemplate jdbc, Trail trail, Instant now, Inboxes inboxes, List<Documents.Doc> docs) {
		takeUpPapers(docs);
		long meetingId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM meeting", Long.class);
		long itemId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM agenda_item", Long.class);
		long registrationId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM meeting_registration",
				Long.class);
		Rows meetings = new Rows(jdbc, """
				INSERT INTO meeting (id, kind, title, host_organisation_id, working_group_id, place, start_date, end_date,
				    version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		Rows items = new Rows(jdbc, """
				INSERT INTO agenda_item (id, meeting_id, position, title, document_id, outcome) VALUES (?, ?, ?, ?, ?, ?)""");
		Rows registrations = new Rows(jdbc, """
				INSERT INTO meeting_registration (id, meeting_id, account_id, organisation_id, full_name, organisation_en,
				    organisation_fr, guest, registered_by_name, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		for (Meeting meeting : this.all) {
			if (meeting.existing) {
				itemId = appendToExisting(jdbc, trail, meeting, items, itemId, now);
				continue;
			}
			meeting.id = meetingId++;
			Instant prepared = meeting.start.minusDays(60 + this.random.nextInt(30)).atTime(9, 0).toInstant(ZoneOffset.UTC);
			if (prepared.isAfter(now)) {
				prepared = now.minusSeconds(86_400L * (5 + this.random.nextInt(20)));
			}
			boolean past = meeting.isPast(now);
			List<Item> agenda = new ArrayList<>();
			meeting.agenda.forEach((item) -> agenda.add(withOutcome(item, past)));
			agenda.add(0, new Item("Opening and adoption of the agenda", null, past ? "The agenda was adopted." : null));
			if (!"WORKING_GROUP".equals(meeting.kind)) {
				agenda.add(1, new Item("Reports of the working groups and committees", null,
						past ? "The meeting took note of the reports." : null));
			}
			agenda.add(new Item("Any other business", null, past ? "None." : null));
			meetings.add(meeting.id, meeting.kind, meeting.title, meeting.host == null ? null : meeting.host.id(),
					meeting.group == null ? null : meeting.group.id(), meeting.place, Date.valueOf(meeting.start),
					Date.valueOf(meeting.end), past ? agenda.size() - 1 : 0);
			Trail.Act act = trail.act(meeting.preparedBy, prepared)
				.created("Meeting", meeting.id, Trail.summary()
					.set("endDate", meeting.end)
					.set("hostOrganisationId", meeting.host == null ? null : meeting.host.id())
					.set("kind", meeting.kind)
					.hidden("place")
					.set("startDate", meeting.start)
					.hidden("title")
					.set("version", 0)
					.set("workingGroupId", meeting.group == null ? null : meeting.group.id()));
			int position = 1;
			List<long[]> recorded = new ArrayList<>();
			for (Item item : agenda) {
				long id = itemId++;
				items.add(id, meeting.id, position, item.title(),
						item.document() == null ? null : item.document().id, item.outcome());
				act.created("AgendaItem", id, Trail.summary()
					.set("documentId", item.document() == null ? null : item.document().id)
					.set("meetingId", meeting.id)
					.hidden("position")
					.hidden("title"));
				if (item.outcome() != null) {
					recorded.add(new long[] { id });
				}
				position++;
			}
			List<Person> attendees = attendees(meeting);
			Instant registeredFrom = prepared.plusSeconds(86_400L * 3);
			for (Person person : attendees) {
				Person registrar = "GUEST".equals(person.organisation().kind()) ? meeting.preparedBy
						: this.directory.head(person.organisation());
				if (registrar == null) {
					registrar = person;
				}
				Instant at = registeredFrom.plusSeconds(this.random.nextInt(86_400 * 30));
				if (at.isAfter(now)) {
					at = now.minusSeconds(3_600 + this.random.nextInt(86_400));
				}
				long id = registrationId++;
				boolean guest = "GUEST".equals(person.organisation().kind());
				registrations.add(id, meeting.id, person.id(), person.organisation().id(), person.fullName(),
						person.organisation().nameEn(), person.organisation().nameFr(), guest, registrar.fullName(),
						Timestamp.from(at));
				trail.act(registrar, at)
					.created("Registration", id, Trail.summary()
						.set("accountId", person.id())
						.set("fullName", person.fullName())
						.set("guest", guest)
						.set("meetingId", meeting.id)
						.set("organisationEn", person.organisation().nameEn())
						.set("organisationFr", person.organisation().nameFr())
						.set("organisationId", person.organisation().id())
						.set("registeredAt", at)
						.set("registeredByName", registrar.fullName()));
				meeting.attendees.add(person);
			}
			if (!recorded.isEmpty()) {
				Instant after = meeting.end.atTime(16, 0).toInstant(ZoneOffset.UTC);
				Trail.Act outcomes = trail.act(meeting.preparedBy, after);
				int index = 0;
				for (Item item : agenda) {
					if (item.outcome() != null) {
						long id = recorded.get(index++)[0];
						outcomes.changed("AgendaItem", id, Trail.summary().hiddenChange("outcome", false));
						inboxes.agendaChanged(meeting, item.title(), after.plusSeconds(60L * index));
					}
				}
			}
		}
		meetings.flush();
		items.flush();
		registrations.flush();
	}

	/**
	 * Each meeting also takes up a few of the papers circulated before it: a working group its own
	 * papers of the year, the Plenary and the Intersessional the year's papers of their own.
	 */
	private void takeUpPapers(List<Documents.Doc> docs) {
		Map<String, List<Documents.Doc>> byBody = new HashMap<>();
		for (Documents.Doc doc : docs) {
			if (doc.scenario == Documents.Scenario.NONE && doc.discussionFrom != null) {
				String key = (doc.group == null ? doc.body : doc.group.code()) + doc.year;
				byBody.computeIfAbsent(key, (k) -> new ArrayList<>()).add(doc);
			}
		}
		for (Meeting meeting : this.all) {
			if (meeting.existing) {
				continue;
			}
			String key = (meeting.group == null ? meeting.kind : meeting.group.code()) + meeting.year;
			Instant opening = meeting.day(0, 8);
			List<Documents.Doc> papers = byBody.getOrDefault(key, List.of())
				.stream()
				.filter((doc) -> doc.discussionFrom.isBefore(opening))
				.toList();
			int count = Math.min(papers.size(), 1 + this.random.nextInt(4));
			for (int i = 0; i < count; i++) {
				Documents.Doc paper = papers.get(this.random.nextInt(papers.size()));
				if (meeting.agenda.stream().noneMatch((item) -> item.document() == paper)) {
					meeting.agenda.add(new Item(Texts.capitalise(paper.topic), paper, null));
				}
			}
		}
	}

	/** What the meeting concluded on a text, once it is over. */
	private static Item withOutcome(Item item, boolean past) {
		if (!past || item.document() == null) {
			return item;
		}
		Documents.Doc doc = item.document();
		if (doc.scenario == Documents.Scenario.NONE) {
			return new Item(item.title(), doc, "The meeting discussed the paper.");
		}
		String outcome = switch (doc.status) {
			case "ADOPTED" -> "Adopted as " + doc.officialNumber + ".";
			case "NOT_ADOPTED" -> "No consensus: the text goes back to its drafters.";
			case "WITHDRAWN" -> "Withdrawn by its drafters.";
			case "UNDER_CONSENSUS" -> "Consensus is being sought.";
			default -> "Discussed; the discussion continues.";
		};
		return new Item(item.title(), doc, outcome);
	}

	/** Texts taken up by the demo's own meetings are added at the end of their agendas. */
	private long appendToExisting(JdbcTemplate jdbc, Trail trail, Meeting meeting, Rows items, long itemId,
			Instant now) {
		if (meeting.agenda.isEmpty()) {
			return itemId;
		}
		int position = jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) FROM agenda_item WHERE meeting_id = ?",
				Integer.class, meeting.id);
		boolean past = meeting.isPast(now);
		for (Item planned : meeting.agenda) {
			Item item = withOutcome(planned, past);
			long id = itemId++;
			Instant at = item.document().createdAt.plusSeconds(3600);
			items.add(id, meeting.id, ++position, item.title(), item.document().id, item.outcome());
			trail.act(meeting.preparedBy, at)
				.created("AgendaItem", id, Trail.summary()
					.set("documentId", item.document().id)
					.set("meetingId", meeting.id)
					.hidden("position")
					.hidden("title"));
		}
		return itemId;
	}

	/**
	 * Who registers: at the Plenary and Intersessional, the heads of most delegations with a
	 * delegate or two, the Observers' representatives and a few guests; at a working group's
	 * meeting, one person for each member.
	 */
	private List<Person> attendees(Meeting meeting) {
		List<Person> attendees = new ArrayList<>();
		if ("WORKING_GROUP".equals(meeting.kind)) {
			for (Long organisationId : meeting.group.standings().keySet()) {
				Organisation organisation = this.directory.organisations.get(organisationId);
				List<Person> members = this.directory.members(organisation);
				if (!members.isEmpty() && this.random.nextInt(10) < 8) {
					attendees.add(pickHeadFirst(members));
				}
			}
			return attendees;
		}
		for (Organisation organisation : this.directory.organisations.values()) {
			List<Person> members = this.directory.members(organisation);
			if (members.isEmpty()) {
				continue;
			}
			int chance = switch (organisation.kind()) {
				case "PARTICIPANT" -> 9;
				case "OBSERVER" -> 8;
				case "GUEST" -> 2;
				default -> 0;
			};
			if (this.random.nextInt(10) >= chance) {
				continue;
			}
			Person first = pickHeadFirst(members);
			attendees.add(first);
			int more = "PARTICIPANT".equals(organisation.kind()) ? this.random.nextInt(3) : 0;
			for (Person person : members) {
				if (more == 0) {
					break;
				}
				if (person != first) {
					attendees.add(person);
					more--;
				}
			}
		}
		return attendees;
	}

	private Person pickHeadFirst(List<Person> members) {
		return members.stream()
			.filter((p) -> p.has("HEAD_OF_DELEGATION") || p.has("OBSERVER_REPRESENTATIVE"))
			.findFirst()
			.orElse(members.get(this.random.nextInt(members.size())));
	}

	Calendar calendar() {
		return this.calendar;
	}

}
