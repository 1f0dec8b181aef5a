package org.kimberleyprocess.portal.generator;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;

/**
 * Peer review since 2004: each year a few Participants receive a review visit, walked through
 * the lifecycle the review-visit module enforces (offer, acceptance, call for experts, a team
 * that keeps the composition rules, dates that never overlap for a team member, completion, the
 * report as a review-report document adopted by the Working Group on Monitoring, follow-up), and
 * some offers declined, withdrawn or postponed; plus further offers for the coming years.
 */
final class Visits {

	static final class Visit {

		long id;

		Organisation host;

		int year;

		LocalDate start;

		LocalDate end;

		Instant offeredAt;

		/** When the draft report was started, or null when the visit never took place. */
		Instant reportAt;

		Instant adoptedAt;

		Documents.Doc report;

		String ending;

	}

	private record Event(String from, String to, Person actor, String actorName, String note, Instant at) {
	}

	final List<Visit> visits = new ArrayList<>();

	private final Directory directory;

	private final Calendar calendar;

	private final Random random;

	private final Instant now;

	Visits(Directory directory, Calendar calendar, Random random, Instant now) {
		this.directory = directory;
		this.calendar = calendar;
		this.random = random;
		this.now = now;
	}

	void plan(int firstYear, int lastYear, int perYear, Set<Long> alreadyOffering) {
		List<Organisation> hosts = this.directory.participantsByName.stream()
			.filter((o) -> "ACTIVE".equals(o.participantStatus()))
			.toList();
		int thisYear = LocalDate.ofInstant(this.now, ZoneOffset.UTC).getYear();
		List<Long> recent = new ArrayList<>();
		for (int year = Math.max(2004, firstYear); year <= Math.min(lastYear, thisYear - 1); year++) {
			int count = Math.max(1, perYear - 1 + this.random.nextInt(3));
			for (int slot = 0; slot < count; slot++) {
				Organisation host = hosts.get(this.random.nextInt(hosts.size()));
				while (recent.contains(host.id())) {
					host = hosts.get(this.random.nextInt(hosts.size()));
				}
				recent.add(host.id());
				if (recent.size() > 12) {
					recent.remove(0);
				}
				Visit visit = new Visit();
				visit.host = host;
				visit.year = year;
				visit.start = LocalDate.of(year, 2, 2).plusWeeks(7L * slot).plusDays(this.random.nextInt(10));
				visit.end = visit.start.plusDays(4);
				visit.offeredAt = visit.start.minusMonths(6 + this.random.nextInt(3)).atTime(9, 0).toInstant(ZoneOffset.UTC)
					.plusSeconds(this.random.nextInt(30_000));
				int roll = this.random.nextInt(100);
				visit.ending = roll < 6 ? "DECLINED" : roll < 11 ? "WITHDRAWN" : roll < 15 ? "POSTPONED"
						: year < thisYear - 3 && this.random.nextInt(10) < 7 ? "FOLLOW_UP_CLOSED" : "REPORT_ADOPTED";
				if (visit.ending.equals("REPORT_ADOPTED") || visit.ending.equals("FOLLOW_UP_CLOSED")) {
					visit.reportAt = visit.end.plusDays(30 + this.random.nextInt(40)).atTime(9, 0)
						.toInstant(ZoneOffset.UTC);
					visit.adoptedAt = visit.reportAt.plus(Duration.ofDays(25 + this.random.nextInt(60)));
					if (visit.adoptedAt.isAfter(this.now.minus(Duration.ofDays(3)))) {
						visit.adoptedAt = this.now.minus(Duration.ofDays(3));
					}
				}
				this.visits.add(visit);
			}
		}
		if (lastYear >= thisYear) {
			int offers = 0;
			for (Organisation host : hosts) {
				if (offers >= 4) {
					break;
				}
				if (alreadyOffering.contains(host.id()) || this.random.nextInt(6) != 0) {
					continue;
				}
				Visit visit = new Visit();
				visit.host = host;
				visit.year = thisYear + 1 + this.random.nextInt(2);
				visit.offeredAt = this.now.minus(Duration.ofDays(20 + this.random.nextInt(150)));
				visit.ending = this.random.nextBoolean() ? "OFFERED" : "ACCEPTED";
				this.visits.add(visit);
				offers++;
			}
		}
	}

	void write(JdbcTemplate jdbc, Trail trail, Inboxes inboxes) {
		long visitId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM review_visit", Long.class);
		long eventId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM review_visit_event", Long.class);
		long volunteerId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM review_visit_volunteer",
				Long.class);
		Rows visitRows = new Rows(jdbc, """
				INSERT INTO review_visit (id, host_organisation_id, preferred_year, preferred_period, scope, contact_person,
				    remarks, status, start_date, end_date, report_due, report_document_id, host_consents, report_public,
				    created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?)""");
		Rows eventRows = new Rows(jdbc, """
				INSERT INTO review_visit_event (id, visit_id, from_status, to_status, actor_name, note, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""");
		Rows volunteerRows = new Rows(jdbc, """
				INSERT INTO review_visit_volunteer (id, visit_id, account_id, person_name, organisation_id,
				    organisation_en, organisation_fr, affiliation, selected, leader, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		Organisation wdc = this.directory.organisation("wdc");
		Organisation csc = this.directory.organisation("kp-csc");
		for (Visit visit : this.visits) {
			visit.id = visitId++;
			Person host = this.directory.head(visit.host);
			Person chair = this.calendar.groupChair(this.directory.groupsByCode.get("wgm"),
					LocalDate.ofInstant(visit.offeredAt, ZoneOffset.UTC).getYear());
			String chairName = chair.fullName() + " (" + chair.organisation().nameEn() + ")";
			String hostName = host.fullName() + " (" + visit.host.nameEn() + ")";
			String period = visit.start == null ? "To be agreed" : visit.start.getMonth().getDisplayName(
					java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + visit.year;
			String scope = this.random.nextBoolean() ? "Internal controls and the issuing of certificates."
					: "The whole certification system, from mines to export, including the valuation of exports.";
			Instant at = visit.offeredAt;
			List<Event> events = new ArrayList<>();
			events.add(new Event(null, "OFFERED", host, hostName, null, at));
			trail.act(host, at)
				.created("ReviewVisit", visit.id, Trail.summary()
					.set("contactPerson", "Kimberley Process focal point")
					.set("createdAt", at)
					.set("hostConsents", false)
					.set("hostOrganisationId", visit.host.id())
					.set("preferredPeriod", period)
					.set("preferredYear", visit.year)
					.set("reportPublic", false)
					.hidden("scope")
					.set("status", "OFFERED")
					.set("version", 0));
			String status = "OFFERED";
			long version = 0;
			LocalDate reportDue = null;
			Long reportId = null;
			List<Object[]> team = new ArrayList<>();
			if ("DECLINED".equals(visit.ending)) {
				at = at.plus(Duration.ofDays(10 + this.random.nextInt(20)));
				events.add(new Event(status, "DECLINED", chair, chairName,
						"The working group could not form a team in the period offered.", at));
				status = "DECLINED";
				version++;
			}
			else if (!"OFFERED".equals(visit.ending)) {
				at = at.plus(Duration.ofDays(3 + this.random.nextInt(20)));
				events.add(new Event(status, "ACCEPTED", chair, chairName, null, at));
				status = "ACCEPTED";
				version++;
				if ("WITHDRAWN".equals(visit.ending) || "POSTPONED".equals(visit.ending)) {
					at = at.plus(Duration.ofDays(20 + this.random.nextInt(40)));
					String note = "WITHDRAWN".equals(visit.ending) ? "The authorities withdrew the invitation."
							: "The authorities asked to move the visit to the following year.";
					events.add(new Event(status, visit.ending, host, hostName, note, at));
					status = visit.ending;
					version++;
				}
				else if (visit.start != null) {
					at = at.plus(Duration.ofDays(1 + this.random.nextInt(7)));
					events.add(new Event(status, "TEAM_FORMING", chair, chairName, null, at));
					version++;
					List<Person> experts = experts(visit, wdc, csc);
					for (Person expert : experts) {
						at = at.plus(Duration.ofHours(6 + this.random.nextInt(72)));
						long id = volunteerId++;
						String affiliation = expert.organisation().isParticipant() ? "PARTICIPANT"
								: expert.organisation().id() == wdc.id() ? "INDUSTRY" : "CIVIL_SOCIETY";
						team.add(new Object[] { id, visit.id, expert.id(), expert.fullName(), expert.organisation().id(),
								expert.organisation().nameEn(), expert.organisation().nameFr(), affiliation, true,
								team.isEmpty(), Timestamp.from(at) });
						trail.act(expert, at)
							.created("Volunteer", id, Trail.summary()
								.set("accountId", expert.id())
								.set("affiliation", affiliation)
								.set("createdAt", at)
								.set("leader", false)
								.set("organisationEn", expert.organisation().nameEn())
								.set("organisationFr", expert.organisation().nameFr())
								.set("organisationId", expert.organisation().id())
								.set("personName", expert.fullName())
								.set("selected", false)
								.set("visitId", visit.id));
					}
					at = at.plus(Duration.ofDays(2 + this.random.nextInt(10)));
					events.add(new Event("TEAM_FORMING", "TEAM_CONFIRMED", chair, chairName, null, at));
					version++;
					Trail.Act confirming = trail.act(chair, at.plusMillis(5));
					for (Object[] member : team) {
						Trail.Summary chosen = Trail.summary();
						if ((boolean) member[9]) {
							chosen.change("leader", false, true);
						}
						confirming.changed("Volunteer", (long) member[0], chosen.change("selected", false, true));
					}
					at = at.plus(Duration.ofDays(1 + this.random.nextInt(10)));
					events.add(new Event("TEAM_CONFIRMED", "SCHEDULED", chair, chairName,
							"\u0003" + visit.start + "/" + visit.end, at));
					version++;
					at = visit.end.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
					events.add(new Event("SCHEDULED", "COMPLETED", chair, chairName, null, at));
					version++;
					reportDue = visit.end.plusMonths(3);
					status = "COMPLETED";
					if (visit.report != null) {
						reportId = visit.report.id;
						events.add(new Event("COMPLETED", "DRAFT_REPORT", chair, chairName, null, visit.reportAt));
						events.add(new Event("DRAFT_REPORT", "HOST_COMMENTS", chair, chairName, null,
								visit.report.discussionFrom));
						version += 2;
						Documents.Round round = visit.report.rounds.get(visit.report.rounds.size() - 1);
						events.add(new Event("HOST_COMMENTS", "REPORT_ADOPTED", null, "Working Group on Monitoring",
								round.officialNumber, round.closedAt));
						status = "REPORT_ADOPTED";
						version++;
						if ("FOLLOW_UP_CLOSED".equals(visit.ending)) {
							Instant closed = round.closedAt.plus(Duration.ofDays(180 + this.random.nextInt(300)));
							if (closed.isBefore(this.now)) {
								events.add(new Event("REPORT_ADOPTED", "FOLLOW_UP_CLOSED", chair, chairName, null, closed));
								status = "FOLLOW_UP_CLOSED";
								version++;
							}
						}
					}
				}
			}
			visitRows.add(visit.id, visit.host.id(), visit.year, period, scope, "Kimberley Process focal point", null,
					status, visit.start == null || !"COMPLETED,REPORT_ADOPTED,FOLLOW_UP_CLOSED".contains(status) ? null
							: Date.valueOf(visit.start),
					visit.start == null || !"COMPLETED,REPORT_ADOPTED,FOLLOW_UP_CLOSED".contains(status) ? null
							: Date.valueOf(visit.end),
					reportDue == null ? null : Date.valueOf(reportDue), reportId, Timestamp.from(visit.offeredAt), version);
			team.forEach(volunteerRows::add);
			for (Event event : events) {
				long id = eventId++;
				eventRows.add(id, visit.id, event.from(), event.to(), event.actorName(), event.note(),
						Timestamp.from(event.at()));
				Trail.Act act = trail.act(event.actor(), event.at());
				act.created("VisitEvent", id, Trail.summary()
					.set("actorName", event.actorName())
					.set("at", event.at())
					.set("fromStatus", event.from())
					.set("note", event.note() == null ? null : "(note)")
					.set("toStatus", event.to())
					.set("visitId", visit.id));
				Trail.Summary change = Trail.summary();
				if ("SCHEDULED".equals(event.to())) {
					change.change("endDate", null, visit.end).change("startDate", null, visit.start);
				}
				if ("COMPLETED".equals(event.to())) {
					change.change("reportDue", null, visit.end.plusMonths(3));
				}
				if ("DRAFT_REPORT".equals(event.to())) {
					change.change("reportDocumentId", null, visit.report.id);
				}
				if (event.from() != null) {
					act.changed("ReviewVisit", visit.id, change.change("status", event.from(), event.to()));
					inboxes.visitMoved(visit, event.to(), event.at());
				}
			}
		}
		visitRows.flush();
		volunteerRows.flush();
		eventRows.flush();
	}

	/**
	 * A team that keeps the rules: a leader and at least one more expert from two Participants
	 * other than the host, one from industry, one from civil society.
	 */
	private List<Person> experts(Visit visit, Organisation wdc, Organisation csc) {
		List<Person> team = new ArrayList<>();
		Set<Long> organisations = new HashSet<>();
		organisations.add(visit.host.id());
		List<Organisation> participants = this.directory.participantsByName.stream()
			.filter((o) -> "ACTIVE".equals(o.participantStatus()))
			.toList();
		int wanted = 2 + this.random.nextInt(2);
		while (team.size() < wanted) {
			Organisation organisation = participants.get(this.random.nextInt(participants.size()));
			if (organisations.add(organisation.id())) {
				List<Person> members = this.directory.members(organisation);
				team.add(members.get(this.random.nextInt(members.size())));
			}
		}
		for (Organisation observer : List.of(wdc, csc)) {
			List<Person> members = this.directory.members(observer);
			team.add(members.get(this.random.nextInt(members.size())));
		}
		return team;
	}

}
