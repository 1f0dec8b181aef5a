package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

import org.kimberleyprocess.portal.annualreports.AnnualReportService;
import org.kimberleyprocess.portal.annualreports.Outcome;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The annual reports on 2015, due 31 March 2016: a handful submitted on time, India's late, the
 * United States' published, Botswana's reviewed; the others overdue. And the 2016 template, with
 * Botswana's report started.
 */
final class DemoAnnualReports {

	private final AnnualReportService reports;

	private final Function<String, Reader> as;

	private final PortalClock clock;

	private final Function<String, Long> organisationId;

	DemoAnnualReports(AnnualReportService reports, Function<String, Reader> as, PortalClock clock,
			Function<String, Long> organisationId) {
		this.reports = reports;
		this.as = as;
		this.clock = clock;
		this.organisationId = organisationId;
	}

	void run() {
		Reader wgm = this.as.apply("wgm");
		at(LocalDate.of(2016, 1, 11));
		this.reports.saveDefaultTemplate(wgm, 2015);
		String[][] submitted = { { "us", "2016-02-15" }, { "bw", "2016-03-01" }, { "za", "2016-03-10" },
				{ "ca", "2016-03-21" }, { "cn", "2016-03-30" }, { "in", "2016-04-22" } };
		long botswana = 0;
		for (String[] report : submitted) {
			at(LocalDate.parse(report[1]).minusDays(20));
			long id = this.reports.start(this.as.apply("hod-" + report[0]), 2015);
			at(LocalDate.parse(report[1]));
			this.reports.submit(this.as.apply("hod-" + report[0]), id);
			if ("us".equals(report[0])) {
				this.reports.mark(this.as.apply("hod-us"), id, Set.of(0, 1, 2, 3, 4, 5, 6));
				this.reports.publish(this.as.apply("hod-us"), id, true);
			}
			if ("bw".equals(report[0])) {
				botswana = id;
			}
		}
		at(LocalDate.of(2016, 5, 9));
		this.reports.allocate(wgm, botswana, Set.of(this.organisationId.apply("za"), this.organisationId.apply("ca")));
		this.reports.startAssessment(this.as.apply("hod-za"), botswana);
		at(LocalDate.of(2016, 6, 20));
		this.reports.recordOutcome(wgm, botswana, Outcome.ACCEPTED, null);
		at(LocalDate.of(2016, 11, 1));
		this.reports.saveDefaultTemplate(wgm, 2016);
		this.reports.start(this.as.apply("delegate-bw"), 2016);
	}

	private void at(LocalDate day) {
		this.clock.travelTo(Instant.parse(day + "T09:00:00Z"));
	}

}
