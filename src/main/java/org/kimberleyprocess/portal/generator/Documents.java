package org.kimberleyprocess.portal.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.generator.Directory.Group;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;
import org.kimberleyprocess.portal.generator.Meetings.Meeting;

/**
 * The documents of twenty years with their whole lives: versions stored as the drafting engine
 * stores them (normalised text, its SHA-256, the sanitised HTML and the blocks with their anchors
 * from {@link MarkdownRenderer}), circulation, consensus rounds on exact versions with every
 * position kept, adoptions with their records and gap-free official numbers, and withdrawals.
 */
final class Documents {

	enum Scenario {

		NONE(0), ADOPT_MEETING(1), ADOPT_WRITTEN(1), FAIL_THEN_ADOPT(2), NOT_ADOPTED(1), OPEN_WRITTEN(1),
		OPEN_MEETING(1), WITHDRAWN_ROUND(1);

		final int rounds;

		Scenario(int rounds) {
			this.rounds = rounds;
		}

	}

	static final class Doc {

		long id;

		String type;

		String body;

		Group group;

		int year;

		String confidentiality;

		String status = "DRAFT";

		String title;

		String topic;

		Person creator;

		Instant createdAt;

		Instant updatedAt;

		long version;

		boolean commentsClosed;

		String officialNumber;

		final Set<Organisation> editors = new LinkedHashSet<>();

		final Set<Organisation> shares = new LinkedHashSet<>();

		final List<Version> versions = new ArrayList<>();

		final List<Round> rounds = new ArrayList<>();

		final List<Step> steps = new ArrayList<>();

		Scenario scenario = Scenario.NONE;

		/** Where the text is decided: a meeting's round, or the moment a written procedure opens. */
		Meeting meeting;

		Instant decisionAt;

		/** When members may write in the discussion: from circulation to adoption, withdrawal or closure. */
		Instant discussionFrom;

		Instant discussionUntil;

		int plannedVersions = 1;

		String finalStatus;

		Visits.Visit visit;

		boolean fullCoverage;

		String bodyLabel() {
			return switch (this.body) {
				case "PLENARY" -> "Plenary";
				case "INTERSESSIONAL" -> "Intersessional";
				default -> this.group.code().toUpperCase(java.util.Locale.ROOT);
			};
		}

	}

	static final class Version {

		long id;

		int number;

		Instant at;

		Person author;

		String title;

		String markdown;

		String sha;

		String note;

		List<String> anchors = List.of();

	}

	static final class Round {

		long id;

		String kind;

		Instant openedAt;

		Instant deadline;

		String zone;

		Instant closedAt;

		/** ADOPTED, NOT_ADOPTED, WITHDRAWN, or null while open. */
		String outcome;

		int versionNumber;

		String sha;

		Person chair;

		List<Organisation> eligible = List.of();

		String officialNumber;

	}

	enum Kind {

		CREATE, CIRCULATE, REVISE, OPEN, CLOSE, WITHDRAW_ROUND, WITHDRAW, CLOSE_COMMENTS

	}

	record Step(Kind kind, Instant at, Round round) {
	}

	private static final String[] OFFICIAL = { "ADMINISTRATIVE_DECISION", "Administrative Decision", "DECISION",
			"Decision", "COMMUNIQUE", "Communiqué", "WORKING_GROUP_PAPER", "Working-group paper", "REVIEW_REPORT",
			"Review report" };

	final List<Doc> docs = new ArrayList<>();

	private final Directory directory;

	private final Meetings meetings;

	private final Calendar calendar;

	private final Random random;

	private final Texts texts;

	private final Instant now;

	Documents(Directory directory, Meetings meetings, Random random, Texts texts, Instant now) {
		this.directory = directory;
		this.meetings = meetings;
		this.calendar = meetings.calendar();
		this.random = random;
		this.texts = texts;
		this.now = now;
	}

	// Planning

	/**
	 * Plans every document: the year's communiqués and decisions adopted at the Plenary, the
	 * Intersessional or by written procedure, the review reports, the open rounds of the demo's
	 * week, and the working-group papers that make up the bulk; then adjusts the adopted papers so
	 * that exactly {@code rounds} rounds are held.
	 */
	void plan(int firstYear, int lastYear, int total, int rounds, List<Visits.Visit> visits) {
		for (int year = firstYear; year <= lastYear; year++) {
			Meeting plenary = this.meetings.plenary(year);
			Meeting intersessional = this.meetings.intersessional(year);
			boolean current = year == LocalDate.ofInstant(this.now, java.time.ZoneOffset.UTC).getYear();
			if (year >= 2003) {
				if (!plenary.existing) {
					Doc communique = doc("COMMUNIQUE", "PLENARY", null, year, "PLENARY",
							"Kimberley Process Plenary, " + plenary.place + ", " + dates(plenary) + ": Final Communiqué",
							"the outcome of the Plenary");
					decide(communique, this.random.nextInt(7) == 0 ? Scenario.FAIL_THEN_ADOPT : Scenario.ADOPT_MEETING,
							plenary, plenary.day(3, 14));
					communique.fullCoverage = year < 2013;
				}
				if (!intersessional.existing) {
					Doc communique = doc("COMMUNIQUE", "INTERSESSIONAL", null, year, "PLENARY",
							"Kimberley Process Intersessional meeting, " + intersessional.place + ", "
									+ dates(intersessional) + ": Communiqué",
							"the outcome of the Intersessional meeting");
					decide(communique, Scenario.ADOPT_MEETING, intersessional, intersessional.day(3, 13));
				}
				int decisions = 2 + this.random.nextInt(3);
				for (int i = 0; i < decisions; i++) {
					String topic = this.texts.topic();
					Doc decision = doc("ADMINISTRATIVE_DECISION", "PLENARY", null, year,
							this.random.nextInt(5) == 0 ? "PUBLIC" : "PLENARY",
							"Administrative Decision on " + topic + " (" + year + ")", topic);
					if (!plenary.existing && plenary.isPast(this.now) && this.random.nextInt(10) < 6) {
						decide(decision, Scenario.ADOPT_MEETING, plenary, plenary.day(2 + this.random.nextInt(2), 10));
					}
					else {
						decide(decision, Scenario.ADOPT_WRITTEN, plenary, writtenOpening(year, plenary));
					}
				}
			}
			int decisions = 1 + this.random.nextInt(3);
			for (int i = 0; i < decisions; i++) {
				String topic = this.texts.topic();
				Meeting at = this.random.nextBoolean() ? plenary : intersessional;
				Doc decision = doc("DECISION", at == plenary ? "PLENARY" : "INTERSESSIONAL", null, year,
						this.random.nextInt(4) == 0 ? "PUBLIC" : "PLENARY", "Decision on " + topic + " (" + year + ")",
						topic);
				if (!at.existing && at.isPast(this.now)) {
					decide(decision, this.random.nextInt(8) == 0 ? Scenario.FAIL_THEN_ADOPT : Scenario.ADOPT_MEETING, at,
							at.day(2, 11));
				}
				else {
					decide(decision, Scenario.ADOPT_WRITTEN, at, writtenOpening(year, plenary));
				}
			}
			if (year % 2 == 0) {
				String topic = this.texts.topic();
				Doc failed = doc("DECISION", "PLENARY", null, year, "PLENARY", "Draft decision on " + topic, topic);
				decide(failed, Scenario.NOT_ADOPTED, plenary, writtenOpening(year, plenary));
			}
			if (year % 3 == 1) {
				String topic = this.texts.topic();
				Doc withdrawn = doc("DECISION", "PLENARY", null, year, "PLENARY", "Proposal on " + topic, topic);
				decide(withdrawn, Scenario.WITHDRAWN_ROUND, plenary, writtenOpening(year, plenary));
			}
			if (current) {
				for (int i = 0; i < 4; i++) {
					String topic = this.texts.topic();
					Group group = i < 2 ? null : pickGroup();
					Doc open = group == null
							? doc("ADMINISTRATIVE_DECISION", "PLENARY", null, year, "PLENARY",
									"Administrative Decision on " + topic + " (" + year + ")", topic)
							: doc("WORKING_GROUP_PAPER", "WORKING_GROUP", group, year, "WORKING_GROUP",
									groupTitle(group, year), topic);
					decide(open, Scenario.OPEN_WRITTEN, plenary,
							this.now.minus(Duration.ofHours(24L * (2 + this.random.nextInt(12)))));
				}
				for (int i = 0; i < 2; i++) {
					String topic = this.texts.topic();
					Doc open = doc("DECISION", "PLENARY", null, year, "PLENARY",
							"Decision on " + topic + " (" + year + ")", topic);
					decide(open, Scenario.OPEN_MEETING, plenary, this.now.minus(Duration.ofMinutes(50 - 10L * i)));
				}
			}
		}
		for (Visits.Visit visit : visits) {
			if (visit.reportAt == null) {
				continue;
			}
			Group wgm = this.directory.groupsByCode.get("wgm");
			Doc report = doc("REVIEW_REPORT", "WORKING_GROUP", wgm, visit.year, "WORKING_GROUP",
					"Report of the review visit to " + visit.host.nameEn(), "the findings of the review visit");
			report.visit = visit;
			report.shares.add(visit.host);
			report.creator = this.calendar.groupChair(wgm, visit.year);
			visit.report = report;
			decide(report, Scenario.ADOPT_MEETING, null, visit.adoptedAt);
		}
		int fixed = this.docs.size();
		int papers = Math.max(0, total - fixed);
		double weights = 0;
		for (int year = firstYear; year <= lastYear; year++) {
			weights += weight(year, firstYear);
		}
		int made = 0;
		for (int year = firstYear; year <= lastYear; year++) {
			int count = (year == lastYear) ? papers - made
					: (int) Math.round(papers * weight(year, firstYear) / weights);
			count = Math.min(count, papers - made);
			for (int i = 0; i < count; i++) {
				paper(year);
			}
			made += count;
		}
		balanceRounds(rounds);
		for (Doc doc : this.docs) {
			timeline(doc);
		}
	}

	private static double weight(int year, int firstYear) {
		return 2.0 + (year - firstYear);
	}

	private String dates(Meeting meeting) {
		String month = meeting.start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
		return meeting.start.getDayOfMonth() + "–" + meeting.end.getDayOfMonth() + " " + month + " " + meeting.year;
	}

	/** A written procedure opens some time between February and the Plenary, never after now. */
	private Instant writtenOpening(int year, Meeting plenary) {
		Instant from = LocalDate.of(year, 2, 1).atTime(8 + this.random.nextInt(8), this.random.nextInt(60))
			.toInstant(java.time.ZoneOffset.UTC);
		Instant until = plenary.day(0, 8).minus(Duration.ofDays(35));
		if (until.isAfter(this.now.minus(Duration.ofDays(60)))) {
			until = this.now.minus(Duration.ofDays(60));
		}
		long span = Math.max(1, Duration.between(from, until).toMinutes());
		return from.plus(Duration.ofMinutes((long) (this.random.nextDouble() * span)));
	}

	private Group pickGroup() {
		List<Group> groups = new ArrayList<>(this.directory.groups.values());
		double roll = this.random.nextDouble();
		// Monitoring and statistics write most; the committees least.
		if (roll < 0.30) {
			return this.directory.groupsByCode.getOrDefault("wgm", groups.get(0));
		}
		if (roll < 0.55) {
			return this.directory.groupsByCode.getOrDefault("wgs", groups.get(0));
		}
		return groups.get(this.random.nextInt(groups.size()));
	}

	private String groupTitle(Group group, int year) {
		Organisation participant = this.texts.pick(this.directory.participantsByName);
		return switch (group.code()) {
			case "wgm" -> this.random.nextInt(3) > 0
					? "Annual report " + (year - 1) + " of " + participant.nameEn() + ": assessment"
					: group.nameEn() + ": " + this.texts.pick(Texts.TITLE_OPENINGS) + " " + this.texts.topic();
			case "wgs" -> this.random.nextInt(3) > 0
					? participant.nameEn() + ": production and trade statistics, "
							+ (this.random.nextBoolean() ? "first" : "second") + " half of " + year
					: "Kimberley Process statistics: " + this.texts.pick(Texts.TITLE_OPENINGS).toLowerCase(java.util.Locale.ROOT)
							+ " " + this.texts.topic();
			case "wgde" -> this.random.nextInt(4) == 0 ? "Footprint analysis of rough diamonds from " + participant.nameEn()
					: group.nameEn() + ": " + this.texts.pick(Texts.TITLE_OPENINGS) + " " + this.texts.topic();
			case "wgaap" -> "Artisanal and alluvial production in " + participant.nameEn() + ": "
					+ this.texts.pick(Texts.TITLE_OPENINGS).toLowerCase(java.util.Locale.ROOT) + " " + this.texts.topic();
			default -> group.nameEn() + ": " + this.texts.pick(Texts.TITLE_OPENINGS) + " " + this.texts.topic();
		};
	}

	/** A paper of a working group, or now and then of the Plenary itself, of the bulk of the volume. */
	private void paper(int year) {
		boolean plenary = this.random.nextInt(10) == 0;
		String topic = this.texts.topic();
		Doc doc;
		if (plenary) {
			int roll = this.random.nextInt(20);
			String confidentiality = roll < 10 ? "PLENARY" : roll < 15 ? "PARTICIPANTS" : roll < 18 ? "PUBLIC"
					: "CHAIRS_OFFICE";
			doc = doc(this.random.nextInt(3) == 0 ? "DECISION" : "WORKING_GROUP_PAPER",
					this.random.nextBoolean() ? "PLENARY" : "INTERSESSIONAL", null, year, confidentiality,
					this.texts.pick(Texts.TITLE_OPENINGS) + " " + topic, topic);
		}
		else {
			Group group = pickGroup();
			int roll = this.random.nextInt(10);
			String confidentiality = roll < 5 ? "WORKING_GROUP" : roll < 7 ? "PARTICIPANTS" : roll < 9 ? "PLENARY"
					: "PUBLIC";
			doc = doc("WORKING_GROUP_PAPER", "WORKING_GROUP", group, year, confidentiality, groupTitle(group, year),
					topic);
		}
		boolean recent = year >= LocalDate.ofInstant(this.now, java.time.ZoneOffset.UTC).getYear() - 1;
		int roll = this.random.nextInt(100);
		doc.finalStatus = recent ? (roll < 80 ? "CIRCULATED" : roll < 85 ? "WITHDRAWN" : "DRAFT")
				: (roll < 88 ? "CIRCULATED" : roll < 97 ? "WITHDRAWN" : "DRAFT");
		if (this.random.nextInt(10) == 0) {
			List<Organisation> participants = this.directory.participantsByName;
			doc.editors.add(participants.get(this.random.nextInt(participants.size())));
		}
		if (!"CHAIRS_OFFICE".equals(doc.confidentiality) && this.random.nextInt(50) == 0) {
			List<Organisation> guests = this.directory.organisations.values()
				.stream()
				.filter((o) -> "GUEST".equals(o.kind()))
				.toList();
			doc.shares.add(guests.get(this.random.nextInt(guests.size())));
		}
	}

	private Doc doc(String type, String body, Group group, int year, String confidentiality, String title,
			String topic) {
		Doc doc = new Doc();
		doc.type = type;
		doc.body = body;
		doc.group = group;
		doc.year = year;
		doc.confidentiality = confidentiality;
		doc.title = title.length() > 290 ? title.substring(0, 290) : title;
		doc.topic = topic;
		doc.creator = group == null ? this.calendar.chairsOffice(year) : this.calendar.groupChair(group, year);
		int roll = this.random.nextInt(100);
		doc.plannedVersions = roll < 35 ? 1 : roll < 65 ? 2 : roll < 85 ? 3 : roll < 95 ? 4 : 5;
		this.docs.add(doc);
		return doc;
	}

	private void decide(Doc doc, Scenario scenario, Meeting meeting, Instant at) {
		doc.scenario = scenario;
		doc.meeting = meeting;
		doc.decisionAt = at;
		if (scenario == Scenario.FAIL_THEN_ADOPT && doc.plannedVersions < 2) {
			doc.plannedVersions = 2;
		}
		if (meeting != null && (scenario != Scenario.OPEN_WRITTEN)) {
			meeting.agenda.add(new Meetings.Item(agendaTitle(doc), doc, null));
		}
	}

	private static String agendaTitle(Doc doc) {
		return switch (doc.type) {
			case "COMMUNIQUE" -> "Communiqué";
			case "ADMINISTRATIVE_DECISION" -> "Administrative Decision: " + doc.topic;
			default -> Texts.capitalise(doc.topic);
		};
	}

	/**
	 * Holds exactly the number of rounds asked for: papers of working groups adopted at their
	 * group's meeting make up a shortfall; an excess drops the earliest decisions' rounds.
	 */
	private void balanceRounds(int wanted) {
		int held = this.docs.stream().mapToInt((d) -> d.scenario.rounds).sum();
		List<Doc> papers = this.docs.stream()
			.filter((d) -> d.scenario == Scenario.NONE && d.group != null && "CIRCULATED".equals(d.finalStatus))
			.collect(Collectors.toCollection(ArrayList::new));
		java.util.Collections.shuffle(papers, this.random);
		for (Doc paper : papers) {
			if (held >= wanted) {
				break;
			}
			Meeting meeting = this.meetings.ofGroup(paper.group, paper.year, this.random.nextInt(2));
			if (meeting == null || !meeting.isPast(this.now)) {
				continue;
			}
			decide(paper, Scenario.ADOPT_MEETING, meeting, meeting.day(1, 10 + this.random.nextInt(5)));
			held++;
		}
		for (Doc doc : this.docs) {
			if (held <= wanted) {
				break;
			}
			if (doc.scenario == Scenario.FAIL_THEN_ADOPT) {
				doc.scenario = Scenario.ADOPT_MEETING;
				held--;
			}
		}
		for (Doc doc : this.docs) {
			if (held <= wanted) {
				break;
			}
			if (doc.visit == null && !"COMMUNIQUE".equals(doc.type) && doc.scenario.rounds > 0) {
				held -= doc.scenario.rounds;
				doc.scenario = Scenario.NONE;
				doc.finalStatus = "CIRCULATED";
				if (doc.meeting != null) {
					doc.meeting.agenda.removeIf((item) -> item.document() == doc);
				}
			}
		}
	}

	/** Lays out the document's life as dated steps, each after the one before and none after now. */
	private void timeline(Doc doc) {
		List<Round> rounds = new ArrayList<>();
		Instant firstOpen = null;
		switch (doc.scenario) {
			case ADOPT_MEETING -> rounds.add(meetingRound(doc, doc.decisionAt, "ADOPTED"));
			case ADOPT_WRITTEN -> rounds.add(writtenRound(doc, doc.decisionAt, "ADOPTED"));
			case NOT_ADOPTED -> rounds.add(writtenRound(doc, doc.decisionAt, "NOT_ADOPTED"));
			case WITHDRAWN_ROUND -> {
				Round round = writtenRound(doc, doc.decisionAt, "WITHDRAWN");
				round.closedAt = round.openedAt.plus(Duration.ofHours(24L * (2 + this.random.nextInt(5))));
				rounds.add(round);
			}
			case OPEN_WRITTEN -> rounds.add(writtenRound(doc, doc.decisionAt, null));
			case OPEN_MEETING -> {
				Round round = meetingRound(doc, doc.decisionAt, null);
				round.closedAt = null;
				rounds.add(round);
			}
			case FAIL_THEN_ADOPT -> {
				Round failed = writtenRound(doc, doc.decisionAt.minus(Duration.ofDays(45 + this.random.nextInt(20))),
						"NOT_ADOPTED");
				rounds.add(failed);
				rounds.add(doc.meeting != null && !doc.meeting.existing && doc.meeting.isPast(this.now)
						? meetingRound(doc, doc.decisionAt, "ADOPTED") : writtenRound(doc, doc.decisionAt, "ADOPTED"));
			}
			default -> {
			}
		}
		if (!rounds.isEmpty()) {
			firstOpen = rounds.get(0).openedAt;
		}
		Instant created;
		if (doc.visit != null) {
			created = doc.visit.reportAt;
		}
		else if (firstOpen != null) {
			created = firstOpen.minus(Duration.ofHours(24L * (15 + this.random.nextInt(60)) + this.random.nextInt(20)));
		}
		else {
			Instant from = LocalDate.of(doc.year, 1, 5).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
			Instant until = LocalDate.of(doc.year, 12, 15).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
			if (until.isAfter(this.now.minus(Duration.ofDays(2)))) {
				until = this.now.minus(Duration.ofDays(2));
			}
			created = from.plus(Duration.ofMinutes((long) (this.random.nextDouble()
					* Math.max(1, Duration.between(from, until).toMinutes()))));
		}
		created = created.plusMillis(this.random.nextInt(1000)).plusNanos(1000L * this.random.nextInt(1000));
		doc.createdAt = created;
		List<Step> steps = doc.steps;
		steps.add(new Step(Kind.CREATE, created, null));
		boolean draft = "DRAFT".equals(doc.finalStatus) && rounds.isEmpty();
		Instant circulated = draft ? null
				: doc.visit != null ? created.plusSeconds(2)
						: created.plus(Duration.ofMinutes(30 + this.random.nextInt(60 * 24 * 5)));
		if (circulated != null && circulated.isAfter(this.now.minus(Duration.ofHours(1)))) {
			circulated = created.plus(Duration.between(created, this.now.minus(Duration.ofHours(1))).dividedBy(2));
		}
		if (circulated != null) {
			steps.add(new Step(Kind.CIRCULATE, circulated, null));
		}
		Instant revisionsFrom = circulated == null ? created : circulated;
		Instant revisionsUntil = firstOpen != null ? firstOpen.minus(Duration.ofHours(2))
				: min(revisionsFrom.plus(Duration.ofDays(30 + this.random.nextInt(200))), this.now.minus(Duration.ofHours(3)));
		int before = doc.plannedVersions - 1 - (doc.scenario == Scenario.FAIL_THEN_ADOPT ? 1 : 0);
		List<Instant> revisions = spread(revisionsFrom, revisionsUntil, Math.max(0, before));
		revisions.forEach((at) -> steps.add(new Step(Kind.REVISE, at, null)));
		for (int i = 0; i < rounds.size(); i++) {
			Round round = rounds.get(i);
			steps.add(new Step(Kind.OPEN, round.openedAt, round));
			if ("WITHDRAWN".equals(round.outcome)) {
				steps.add(new Step(Kind.WITHDRAW_ROUND, round.closedAt, round));
			}
			else if (round.outcome != null) {
				steps.add(new Step(Kind.CLOSE, round.closedAt, round));
			}
			if (i + 1 < rounds.size()) {
				Instant revise = round.closedAt.plus(Duration.ofHours(24L * (2 + this.random.nextInt(5))));
				Instant next = rounds.get(i + 1).openedAt;
				if (!revise.isBefore(next)) {
					revise = round.closedAt.plus(Duration.between(round.closedAt, next).dividedBy(2));
				}
				steps.add(new Step(Kind.REVISE, revise, null));
			}
		}
		Instant last = steps.stream().map(Step::at).max(Comparator.naturalOrder()).orElse(created);
		if (rounds.isEmpty() && "WITHDRAWN".equals(doc.finalStatus)) {
			Instant withdrawn = min(last.plus(Duration.ofDays(10 + this.random.nextInt(120))),
					this.now.minus(Duration.ofHours(1)));
			if (withdrawn.isAfter(last)) {
				steps.add(new Step(Kind.WITHDRAW, withdrawn, null));
				last = withdrawn;
			}
		}
		if (rounds.isEmpty() && "CIRCULATED".equals(doc.finalStatus) && doc.year <= 2013
				&& this.random.nextInt(10) < 4) {
			Instant closing = last.plus(Duration.ofDays(60 + this.random.nextInt(300)));
			if (closing.isBefore(this.now.minus(Duration.ofDays(1)))) {
				steps.add(new Step(Kind.CLOSE_COMMENTS, closing, null));
			}
		}
		steps.sort(Comparator.comparing(Step::at));
		doc.rounds.addAll(rounds);
		doc.discussionFrom = circulated;
		Instant until = this.now.minus(Duration.ofMinutes(5));
		for (Step step : steps) {
			if (step.kind() == Kind.WITHDRAW || step.kind() == Kind.CLOSE_COMMENTS
					|| (step.kind() == Kind.CLOSE && "ADOPTED".equals(step.round().outcome))) {
				until = step.at();
				break;
			}
		}
		if (rounds.isEmpty() && circulated != null) {
			until = min(until, circulated.plus(Duration.ofDays(240)));
		}
		doc.discussionUntil = until;
	}

	private Round meetingRound(Doc doc, Instant at, String outcome) {
		Round round = new Round();
		round.kind = "MEETING";
		round.openedAt = at.plusSeconds(this.random.nextInt(600)).plusNanos(1000L * this.random.nextInt(1_000_000));
		round.closedAt = round.openedAt.plus(Duration.ofMinutes(10 + this.random.nextInt(110)));
		if (outcome == null || round.closedAt.isAfter(this.now)) {
			round.closedAt = null;
		}
		round.outcome = outcome;
		round.chair = chairOf(doc, at);
		return round;
	}

	private Round writtenRound(Doc doc, Instant at, String outcome) {
		Round round = new Round();
		round.kind = "WRITTEN";
		round.openedAt = at.plusNanos(1000L * this.random.nextInt(1_000_000));
		int year = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).getYear();
		round.zone = this.calendar.zone(year);
		LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).plusDays(14 + this.random.nextInt(15));
		if (outcome == null) {
			day = LocalDate.ofInstant(this.now, java.time.ZoneOffset.UTC).plusDays(6 + this.random.nextInt(30));
		}
		round.deadline = day.atTime(18, 0).atZone(ZoneId.of(round.zone)).toInstant();
		round.closedAt = outcome == null ? null : round.deadline.plusMillis(200 + this.random.nextInt(30_000));
		round.outcome = outcome;
		round.chair = chairOf(doc, at);
		return round;
	}

	private Person chairOf(Doc doc, Instant at) {
		int year = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).getYear();
		return doc.group == null ? this.calendar.chairsOffice(year) : this.calendar.groupChair(doc.group, year);
	}

	private List<Instant> spread(Instant from, Instant until, int count) {
		List<Instant> times = new ArrayList<>();
		if (count == 0 || !until.isAfter(from)) {
			return times;
		}
		long span = Duration.between(from, until).toSeconds();
		for (int i = 0; i < count; i++) {
			times.add(from.plusSeconds((long) (span * (i + 0.2 + 0.6 * this.random.nextDouble()) / count))
				.plusNanos(1000L * this.random.nextInt(1_000_000)));
		}
		times.sort(Comparator.naturalOrder());
		return times;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** The last official number of each body, year and type, as the sequence table will hold it. */
	final Map<String, Integer> sequences = new HashMap<>();

	/**
	 * Gap-free official numbers per body, year and type, continuing the demo's, given in the order
	 * the adoptions closed.
	 */
	void number(JdbcTemplate jdbc) {
		jdbc.query("SELECT body_label, year, type, last_number FROM document_number_sequence",
				(RowCallbackHandler) (row) -> {
					this.sequences.put(row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3), row.getInt(4));
				});
		List<Round> adopting = new ArrayList<>();
		Map<Round, Doc> owners = new HashMap<>();
		for (Doc doc : this.docs) {
			for (Round round : doc.rounds) {
				if ("ADOPTED".equals(round.outcome)) {
					adopting.add(round);
					owners.put(round, doc);
				}
			}
		}
		adopting.sort(Comparator.comparing((Round r) -> r.closedAt));
		for (Round round : adopting) {
			Doc doc = owners.get(round);
			String key = doc.bodyLabel() + "|" + doc.year + "|" + doc.type;
			int number = this.sequences.merge(key, 1, Integer::sum);
			round.officialNumber = "KP/" + doc.year + "/" + doc.bodyLabel() + "/" + officialName(doc.type) + " " + number;
		}
	}

	static String officialName(String type) {
		for (int i = 0; i < OFFICIAL.length; i += 2) {
			if (OFFICIAL[i].equals(type)) {
				return OFFICIAL[i + 1];
			}
		}
		throw new IllegalArgumentException(type);
	}

}
