package org.kimberleyprocess.portal.annualreports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.statistics.StatisticsCompleteness;
import org.kimberleyprocess.portal.statistics.StatisticsCompleteness.Completeness;

/**
 * Where every active Participant stands for a year: the compliance board (and its CSV, the same
 * rows) for the WGM and the Chair's office, and the public register, which names who submitted
 * and when and links only to published reports. Neither carries any report's text.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceBoard {

	private final AnnualReportService reports;

	private final AnnualReportPolicy policy;

	private final StatisticsCompleteness statistics;

	private final MessageSource messages;

	ComplianceBoard(AnnualReportService reports, AnnualReportPolicy policy, StatisticsCompleteness statistics,
			MessageSource messages) {
		this.reports = reports;
		this.policy = policy;
		this.statistics = statistics;
		this.messages = messages;
	}

	public record Row(OrganisationRef participant, Standing standing, Instant submittedAt, boolean statisticsComplete,
			String assessmentStatus, Outcome outcome, Long reportId, Long publishedDocumentId) {
	}

	public record Board(ReportingYear year, List<Row> rows) {
	}

	/**
	 * What the reader has to do about annual reports: their delegation's report for the latest
	 * reporting year while it is not submitted, and, for the Chair's office and the chair of the
	 * WGM, how many active Participants are overdue for the latest year whose due date has passed.
	 */
	public Duties duties(Reader reader) {
		if (!this.policy.usesAnnualReports(reader)) {
			return Duties.NONE;
		}
		List<ReportingYear> years = this.reports.years();
		if (years.isEmpty()) {
			return Duties.NONE;
		}
		LocalDate today = this.reports.today();
		OwnReport own = null;
		if (this.policy.draftsFor(reader, reader.organisationId())) {
			ReportingYear latest = years.get(0);
			AnnualReport report = this.reports.reportsOf(reader.organisationId())
				.stream()
				.filter((candidate) -> candidate.getYear() == latest.getYear())
				.findFirst()
				.orElse(null);
			Standing standing = Standing.of(latest.getDueDate(),
					(report == null) ? null : report.getFirstSubmittedAt(), today);
			if (!standing.submitted()) {
				own = new OwnReport(latest.getYear(), latest.getDueDate(), standing,
						(report == null) ? null : report.getId());
			}
		}
		Board overdue = null;
		if (reader.chairsOffice() || this.policy.keepsTemplate(reader, this.reports.monitoringGroup())) {
			ReportingYear past = years.stream().filter((year) -> today.isAfter(year.getDueDate())).findFirst().orElse(null);
			if (past != null) {
				overdue = rows(past, false);
			}
		}
		return new Duties(own, (overdue == null) ? null : overdue.year().getYear(), (overdue == null) ? 0
				: (int) overdue.rows().stream().filter((row) -> row.standing() == Standing.OVERDUE).count());
	}

	/**
	 * The annual-report duties of one reader.
	 *
	 * @param own their delegation's report not yet submitted, or {@code null}
	 * @param overdueYear the year {@code overdue} counts for, or {@code null} when they do not watch compliance
	 */
	public record Duties(OwnReport own, Integer overdueYear, int overdue) {

		static final Duties NONE = new Duties(null, null, 0);

	}

	/** A delegation's report still to submit: {@code reportId} is {@code null} while it is not started. */
	public record OwnReport(int year, LocalDate dueDate, Standing standing, Long reportId) {
	}

	Board board(Reader reader, Integer year) {
		if (!this.policy.seesCompliance(reader, this.reports.monitoringGroup())) {
			throw new AccessDeniedException("The compliance board is for the WGM and the Chair's office");
		}
		return rows(year, true);
	}

	/** The public register: only the Participants that submitted, with a link to published reports. */
	Board register(Integer year) {
		Board board = rows(year, false);
		return new Board(board.year(), board.rows().stream().filter((row) -> row.standing().submitted()).toList());
	}

	private Board rows(Integer wanted, boolean withStatistics) {
		List<ReportingYear> years = this.reports.years();
		if (years.isEmpty()) {
			return new Board(null, List.of());
		}
		return rows((wanted == null) ? years.get(0) : this.reports.year(wanted), withStatistics);
	}

	private Board rows(ReportingYear year, boolean withStatistics) {
		Map<Long, AnnualReport> byOrganisation = this.reports.reportsFor(year.getYear())
			.stream()
			.collect(Collectors.toMap(AnnualReport::getOrganisationId, Function.identity()));
		Map<Long, Completeness> completeness = withStatistics ? this.statistics.forYear(year.getYear()) : Map.of();
		LocalDate today = this.reports.today();
		List<Row> rows = this.reports.activeParticipants()
			.stream()
			.sorted(Comparator.comparing((OrganisationRef ref) -> ref.name().en()))
			.map((participant) -> {
				AnnualReport report = byOrganisation.get(participant.id());
				Instant submitted = (report == null) ? null : report.getFirstSubmittedAt();
				return new Row(participant, Standing.of(year.getDueDate(), submitted, today), submitted,
						completeness.getOrDefault(participant.id(), Completeness.NONE).complete(),
						(report == null) ? "NOT_ALLOCATED" : report.getAssessmentStatus(),
						(report == null) ? null : report.getOutcome(), (report == null) ? null : report.getId(),
						(report != null && report.isPublished()) ? report.getDocumentId() : null);
			})
			.toList();
		return new Board(year, rows);
	}

	void writeCsv(Board board, Locale locale, Writer out) {
		String[] headers = { "participant", "standing", "submittedOn", "statistics", "assessment", "outcome" };
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader(java.util.Arrays.stream(headers).map((h) -> message("annualReports.csv." + h, locale))
				.toArray(String[]::new))
			.get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (Row row : board.rows()) {
				printer.printRecord(row.participant().name(locale), message("annualReports.standing." + row.standing(), locale),
						(row.submittedAt() == null) ? "" : row.submittedAt().atZone(ZoneOffset.UTC).toLocalDate(),
						message(row.statisticsComplete() ? "annualReports.statistics.complete"
								: "annualReports.statistics.missing", locale),
						message("annualReports.assessment." + row.assessmentStatus(), locale),
						(row.outcome() == null) ? "" : message("annualReports.outcome." + row.outcome(), locale));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
