package org.kimberleyprocess.portal.annualreports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.annualreports.AnnualReportForms.SectionRow;
import org.kimberleyprocess.portal.annualreports.AnnualReportForms.Template;
import org.kimberleyprocess.portal.annualreports.ReportingYear.Section;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.Drafting.NewDraft;
import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.documents.OwningBody;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Language;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The annual reports' life: the template of a year, a delegation starting, submitting, marking
 * and publishing its report, the WGM allocating reviewers, the reviewers' assessment and the
 * outcome. Each step checks {@link AnnualReportPolicy} first.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReportService {

	static final String MONITORING_GROUP = "wgm";

	static final int FIRST_YEAR = 2003;

	static final int DEFAULT_SECTIONS = 7;

	private final ReportingYearRepository years;

	private final AnnualReportRepository reports;

	private final SubmissionRepository submissions;

	private final AnnualReportPolicy policy;

	private final DocumentReading documents;

	private final Drafting drafting;

	private final DocumentLifecycle lifecycle;

	private final DocumentRecords records;

	private final MarkdownRenderer renderer;

	private final DirectoryQueries directory;

	private final MessageSource messages;

	private final Clock clock;

	AnnualReportService(ReportingYearRepository years, AnnualReportRepository reports,
			SubmissionRepository submissions, AnnualReportPolicy policy, DocumentReading documents, Drafting drafting,
			DocumentLifecycle lifecycle, DocumentRecords records, MarkdownRenderer renderer,
			DirectoryQueries directory, MessageSource messages, Clock clock) {
		this.years = years;
		this.reports = reports;
		this.submissions = submissions;
		this.policy = policy;
		this.documents = documents;
		this.drafting = drafting;
		this.lifecycle = lifecycle;
		this.records = records;
		this.renderer = renderer;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	long monitoringGroup() {
		return this.documents.workingGroupId(MONITORING_GROUP);
	}

	java.time.Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	// --- Years and template

	List<ReportingYear> years() {
		return this.years.findAllNewestFirst();
	}

	/** A year the template may be kept for: from the scheme's first until next year. */
	void requireKnownYear(int year) {
		if (year < FIRST_YEAR || year > today().getYear() + 1) {
			throw new NotFoundException();
		}
	}

	ReportingYear year(int year) {
		return this.years.findById(year).orElseThrow(NotFoundException::new);
	}

	/** The template as the form shows it: the year's, or the default for a year not set yet. */
	Template templateForm(Reader reader, int year) {
		requireTemplateKeeper(reader, year);
		Template form = new Template();
		List<Section> sections = this.years.findById(year).map(ReportingYear::getSections).orElseGet(this::defaults);
		form.setDueDate(this.years.findById(year)
			.map(ReportingYear::getDueDate)
			.orElse(ReportingYear.defaultDueDate(year))
			.toString());
		sections.forEach((section) -> form.getSections().add(new SectionRow(section.titleEn(), section.titleFr())));
		return form;
	}

	@Transactional
	public void saveTemplate(Reader reader, int year, Template form) {
		requireTemplateKeeper(reader, year);
		LocalDate due;
		try {
			due = LocalDate.parse(StringUtils.hasText(form.getDueDate()) ? form.getDueDate().strip() : "");
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("dueDate", "annualReports.dueDate.invalid");
		}
		if (due.getYear() <= year || due.getYear() > year + 2) {
			throw new InvalidInputException("dueDate", "annualReports.dueDate.outOfRange");
		}
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < form.getSections().size(); i++) {
			SectionRow row = form.getSections().get(i);
			String en = row.getTitleEn() == null ? "" : row.getTitleEn().strip();
			String fr = row.getTitleFr() == null ? "" : row.getTitleFr().strip();
			if (en.isEmpty() && fr.isEmpty()) {
				continue;
			}
			if (en.isEmpty() || fr.isEmpty()) {
				throw new InvalidInputException("sections[" + i + "]." + (en.isEmpty() ? "titleEn" : "titleFr"),
						"annualReports.section.bothLanguages");
			}
			if (en.length() > 200 || fr.length() > 200 || en.contains("\n") || fr.contains("\n")) {
				throw new InvalidInputException("sections[" + i + "].titleEn", "annualReports.section.tooLong");
			}
			sections.add(new Section(en, fr));
		}
		if (sections.isEmpty()) {
			throw new InvalidInputException("sections", "annualReports.sections.empty");
		}
		if (sections.size() > AnnualReportForms.MAX_SECTIONS) {
			throw new InvalidInputException("sections", "annualReports.sections.tooMany");
		}
		this.years.findById(year)
			.ifPresentOrElse((existing) -> existing.revise(due, sections),
					() -> this.years.save(new ReportingYear(year, due, sections)));
	}

	/** The default template and due date, as the chair would save them unchanged. */
	@Transactional
	public void saveDefaultTemplate(Reader reader, int year) {
		saveTemplate(reader, year, templateForm(reader, year));
	}

	private void requireTemplateKeeper(Reader reader, int year) {
		requireKnownYear(year);
		if (!this.policy.keepsTemplate(reader, monitoringGroup())) {
			throw new AccessDeniedException("The template is the WGM chair's");
		}
	}

	private List<Section> defaults() {
		List<Section> sections = new ArrayList<>();
		for (int i = 1; i <= DEFAULT_SECTIONS; i++) {
			String key = "annualReports.section.default." + i;
			sections.add(new Section(this.messages.getMessage(key, null, Locale.ENGLISH),
					this.messages.getMessage(key, null, Locale.FRENCH)));
		}
		return sections;
	}

	// --- The delegation's report

	/** Starts the year's report from its template, or returns the one already started. */
	@Transactional
	public long start(Reader reader, int year) {
		ReportingYear reportingYear = year(year);
		if (!this.policy.draftsFor(reader, reader.organisationId())) {
			throw new AccessDeniedException("Reports are started by a Participant's delegation");
		}
		return this.reports.findByYearAndOrganisationId(year, reader.organisationId()).map(AnnualReport::getId)
			.orElseGet(() -> {
				Language language = Language.of(LocaleContextHolder.getLocale());
				Locale locale = language.locale();
				String title = this.messages.getMessage("annualReports.documentTitle",
						new Object[] { reader.organisationName(locale), year }, locale);
				String text = reportingYear.getSections()
					.stream()
					.map((section) -> "## " + section.title(locale) + "\n\n")
					.collect(Collectors.joining());
				long document = this.drafting.createFor(reader, new NewDraft(DocumentType.ANNUAL_REPORT, title,
						language, OwningBody.PARTICIPANT, null, year, Confidentiality.PARTICIPANTS,
						Set.of(reader.organisationId()), text));
				return this.reports.save(new AnnualReport(year, reader.organisationId(), document,
						this.clock.instant())).getId();
			});
	}

	AnnualReport report(Reader reader, long id) {
		AnnualReport report = this.reports.findWhole(id).orElseThrow(NotFoundException::new);
		if (!this.policy.canOpen(reader, report, monitoringGroup())) {
			throw new NotFoundException();
		}
		return report;
	}

	/** Submits the current version: the first submission circulates the report to the Participants. */
	@Transactional
	public void submit(Reader reader, long id) {
		AnnualReport report = report(reader, id);
		if (!this.policy.speaksFor(reader, report.getOrganisationId())) {
			throw new AccessDeniedException("Submitting is for the head or alternate");
		}
		int current = this.documents.visible(reader, report.getDocumentId()).getCurrentVersion();
		boolean first;
		try {
			first = report.submit(current, this.clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "annualReports.submit.alreadySubmitted");
		}
		if (first) {
			this.lifecycle.circulate(reader, report.getDocumentId());
		}
		else {
			this.records.restrictToParticipants(report.getDocumentId());
		}
		this.submissions.save(new Submission(id, current, reader.accountId(), reader.name(), this.clock.instant(), !first));
	}

	List<Submission> submissions(long reportId) {
		return this.submissions.findByReport(reportId);
	}

	/** The sections of the submitted version, or none before a submission. */
	ReportSections submittedSections(AnnualReport report) {
		if (!report.isSubmitted()) {
			return new ReportSections(List.of());
		}
		return ReportSections.of(
				this.records.storedVersion(report.getDocumentId(), report.getSubmittedVersion()).getMarkdown());
	}

	@Transactional
	public void mark(Reader reader, long id, Set<Integer> publicPositions) {
		AnnualReport report = report(reader, id);
		if (!this.policy.draftsFor(reader, report.getOrganisationId())) {
			throw new AccessDeniedException("Markings are the delegation's");
		}
		if (!report.isSubmitted()) {
			throw new InvalidInputException(null, "annualReports.markings.notSubmitted");
		}
		boolean wasPublished = report.isPublished();
		report.mark(publicPositions, submittedSections(report).count());
		if (wasPublished && !report.isPublished()) {
			this.records.restrictToParticipants(report.getDocumentId());
		}
	}

	@Transactional
	public void publish(Reader reader, long id, boolean confirmed) {
		AnnualReport report = report(reader, id);
		if (!this.policy.speaksFor(reader, report.getOrganisationId())) {
			throw new AccessDeniedException("Publishing is for the head or alternate");
		}
		if (!confirmed) {
			throw new InvalidInputException("confirm", "annualReports.publish.confirm");
		}
		if (!report.isSubmitted() || !report.everySectionPublic(submittedSections(report).count())) {
			throw new InvalidInputException(null, "annualReports.publish.kpOnly");
		}
		report.publish();
		this.records.makePublic(report.getDocumentId());
	}

	// --- Review

	@Transactional
	public void allocate(Reader reader, long id, Set<Long> organisations) {
		AnnualReport report = report(reader, id);
		requireMonitoringChair(reader);
		if (!report.isSubmitted()) {
			throw new InvalidInputException(null, "annualReports.reviewers.notSubmitted");
		}
		Set<Long> active = this.directory.activeParticipants().stream().map(OrganisationRef::id)
			.collect(Collectors.toSet());
		if (!active.containsAll(organisations) || organisations.contains(report.getOrganisationId())) {
			throw new InvalidInputException("organisations", "annualReports.reviewers.invalid");
		}
		report.allocate(organisations);
	}

	/** Starts the assessment, a WGM document the reviewing delegations revise; or returns it. */
	@Transactional
	public long startAssessment(Reader reader, long id) {
		AnnualReport report = report(reader, id);
		if (!this.policy.reviews(reader, report)) {
			throw new AccessDeniedException("The assessment is the reviewers'");
		}
		if (report.getAssessmentDocumentId() != null) {
			return report.getAssessmentDocumentId();
		}
		Language language = Language.of(LocaleContextHolder.getLocale());
		String participant = this.directory.organisationInfo(report.getOrganisationId()).name(language.locale());
		String title = this.messages.getMessage("annualReports.assessmentTitle",
				new Object[] { participant, report.getYear() }, language.locale());
		long document = this.drafting.createFor(reader,
				new NewDraft(DocumentType.ANNUAL_REPORT_ASSESSMENT, title, language, OwningBody.WORKING_GROUP,
						monitoringGroup(), report.getYear(), Confidentiality.WORKING_GROUP, report.getReviewers(),
						"# " + title + "\n"));
		report.attachAssessment(document);
		return document;
	}

	@Transactional
	public void recordOutcome(Reader reader, long id, Outcome outcome, String note) {
		AnnualReport report = report(reader, id);
		requireMonitoringChair(reader);
		if (!report.isSubmitted()) {
			throw new InvalidInputException("outcome", "annualReports.outcome.notSubmitted");
		}
		report.recordOutcome(outcome, StringUtils.hasText(note) ? note.strip() : null, this.clock.instant());
	}

	private void requireMonitoringChair(Reader reader) {
		if (!this.policy.keepsTemplate(reader, monitoringGroup())) {
			throw new AccessDeniedException("The review is run by the WGM chair");
		}
	}

	String render(String markdown) {
		return this.renderer.render(MarkdownRenderer.normalise(markdown)).html();
	}

	List<OrganisationRef> activeParticipants() {
		return this.directory.activeParticipants();
	}

	List<AnnualReport> reportsOf(long organisationId) {
		return this.reports.findByOrganisation(organisationId);
	}

	List<AnnualReport> reportsFor(int year) {
		return this.reports.findByYear(year);
	}

	DirectoryQueries.OrganisationInfo organisation(long id) {
		return this.directory.organisationInfo(id);
	}

	/** The named organisations, read in one statement however many there are. */
	List<DirectoryQueries.OrganisationRef> organisationsAmong(java.util.Set<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.directory.organisations().stream().filter((organisation) -> ids.contains(organisation.id())).toList();
	}

}
