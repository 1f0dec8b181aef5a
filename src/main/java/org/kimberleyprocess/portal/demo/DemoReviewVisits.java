package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Offer;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The review visits of 2016 (resolution para 9) and the offers for the years after (para 10),
 * walked through the real lifecycle at the dates they would have had.
 */
final class DemoReviewVisits {

	private final ReviewVisitService visits;

	private final ConsensusService consensus;

	private final Function<String, Reader> as;

	private final PortalClock clock;

	private final Function<Long, List<Long>> volunteerIds;

	DemoReviewVisits(ReviewVisitService visits, ConsensusService consensus, Function<String, Reader> as,
			PortalClock clock, Function<Long, List<Long>> volunteerIds) {
		this.visits = visits;
		this.consensus = consensus;
		this.as = as;
		this.clock = clock;
		this.volunteerIds = volunteerIds;
	}

	void run() {
		Reader wgm = this.as.apply("wgm");
		// Para 9: the visits received in 2016; six reports adopted, Turkey's still due, Tanzania's overdue.
		String[][] received = { { "by", "2016-02-08", "true" }, { "cm", "2016-03-07", "true" },
				{ "cd", "2016-04-11", "true" }, { "in", "2016-05-09", "true" }, { "ls", "2016-06-06", "true" },
				{ "sl", "2016-06-27", "true" }, { "tr", "2016-09-05", "false" }, { "tz", "2016-07-04", "false" } };
		String[] participantExperts = { "hod-ca", "hod-ru", "hod-za", "hod-us", "hod-au", "hod-cn", "hod-il", "hod-na" };
		int index = 0;
		for (String[] visit : received) {
			LocalDate start = LocalDate.parse(visit[1]);
			at(start.minusMonths(6));
			long id = offer("hod-" + visit[0], 2016, "To be agreed", "Internal controls and the issuing of certificates.");
			this.visits.accept(wgm, id);
			this.visits.callForExperts(wgm, id);
			List<String> experts = List.of(participantExperts[index % 8], participantExperts[(index + 1) % 8], "wdc",
					"csc");
			experts.forEach((expert) -> this.visits.volunteer(this.as.apply(expert), id));
			List<Long> volunteers = this.volunteerIds.apply(id);
			this.visits.confirmTeam(wgm, id, Set.copyOf(volunteers), volunteers.get(0));
			this.visits.schedule(wgm, id, start, start.plusDays(4));
			at(start.plusDays(5));
			this.visits.complete(wgm, id);
			if (Boolean.parseBoolean(visit[2])) {
				at(start.plusMonths(2));
				long report = this.visits.startReport(wgm, id);
				this.visits.sendToHost(wgm, id);
				at(start.plusMonths(3));
				long round = this.consensus.open(wgm, report, RoundKind.MEETING, null, null);
				this.consensus.closeMeeting(wgm, report, round);
			}
			index++;
		}
		// Para 10: offers for the coming years, in various states.
		at(LocalDate.parse("2016-09-01"));
		long botswana = offer("hod-bw", 2017, "Second quarter", "The whole certification system, mines to export.");
		this.visits.accept(wgm, botswana);
		this.visits.callForExperts(wgm, botswana);
		this.visits.volunteer(this.as.apply("wdc"), botswana);
		this.visits.volunteer(this.as.apply("csc"), botswana);
		this.visits.volunteer(this.as.apply("hod-ca"), botswana);
		offer("hod-br", 2017, "Third quarter", "Controls on artisanal production.");
		long ghana = offer("hod-gh", 2017, "First half", "Artisanal and alluvial production.");
		this.visits.accept(wgm, ghana);
		offer("hod-la", 2018, "To be agreed", "The certification scheme's implementation since accession.");
		offer("hod-mu", 2017, "To be agreed", "Trading and transit controls.");
		long namibia = offer("hod-na", 2017, "September", "Marine diamond production and export controls.");
		this.visits.accept(wgm, namibia);
		long norway = offer("hod-no", 2017, "Spring", "Import controls.");
		this.visits.accept(wgm, norway);
		long panama = offer("hod-pa", 2017, "To be agreed", "Free-zone transit controls.");
		this.visits.postpone(this.as.apply("hod-pa"), panama,
				new Localized("The authorities asked to move the visit to 2018.",
						"Les autorités ont demandé de reporter la visite à 2018."));
		offer("hod-tg", 2017, "To be agreed", "Import and export controls.");
	}

	private long offer(String head, int year, String period, String scope) {
		Offer form = new Offer();
		form.setPreferredYear(year);
		form.setPreferredPeriod(period);
		form.setScope(scope);
		form.setContactPerson("Kimberley Process focal point");
		return this.visits.offer(this.as.apply(head), form);
	}

	private void at(LocalDate day) {
		this.clock.travelTo(Instant.parse(day + "T09:00:00Z"));
	}

}
