package org.kimberleyprocess.portal.annualreports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.annualreports.AnnualReportForms.Markings;
import org.kimberleyprocess.portal.annualreports.AnnualReportForms.OutcomeForm;
import org.kimberleyprocess.portal.annualreports.AnnualReportForms.Reviewers;
import org.kimberleyprocess.portal.annualreports.AnnualReportForms.Template;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

@Controller
class AnnualReportController {

	private static final String ID = "{id:\\d{1,18}}";

	private static final String YEAR = "{year:\\d{1,4}}";

	private final AnnualReportService reports;

	private final ComplianceBoard board;

	private final AnnualReportPolicy policy;

	AnnualReportController(AnnualReportService reports, ComplianceBoard board, AnnualReportPolicy policy) {
		this.reports = reports;
		this.board = board;
		this.policy = policy;
	}

	@GetMapping("/annual-reports")
	String index(Reader reader, Model model) {
		long wgm = this.reports.monitoringGroup();
		List<ReportingYear> years = this.reports.years();
		Map<Integer, AnnualReport> own = this.reports.reportsOf(reader.organisationId())
			.stream()
			.collect(Collectors.toMap(AnnualReport::getYear, Function.identity()));
		model.addAttribute("years", years);
		model.addAttribute("own", own);
		model.addAttribute("drafts", this.policy.draftsFor(reader, reader.organisationId()));
		model.addAttribute("keepsTemplate", this.policy.keepsTemplate(reader, wgm));
		model.addAttribute("seesCompliance", this.policy.seesCompliance(reader, wgm));
		model.addAttribute("nextYear", this.reports.today().getYear());
		model.addAttribute("today", this.reports.today());
		return "annual-reports/index";
	}

	@GetMapping("/annual-reports/years/" + YEAR + "/template")
	String template(Reader reader, @PathVariable int year, Model model) {
		model.addAttribute("form", this.reports.templateForm(reader, year));
		model.addAttribute("year", year);
		return "annual-reports/template";
	}

	@PostMapping("/annual-reports/years/" + YEAR + "/template")
	String saveTemplate(Reader reader, @PathVariable int year, @Valid @ModelAttribute("form") Template form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		this.reports.requireKnownYear(year);
		if (form.getSections().size() > AnnualReportForms.MAX_SECTIONS) {
			result.reject("annualReports.sections.tooMany");
		}
		if (!result.hasErrors()) {
			try {
				this.reports.saveTemplate(reader, year, form);
				Flash.success(redirect, "annualReports.template.saved");
				return "redirect:/annual-reports";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("year", year);
		return "annual-reports/template";
	}

	@PostMapping("/annual-reports/years/" + YEAR + "/start")
	String start(Reader reader, @PathVariable int year) {
		long id = this.reports.start(reader, year);
		return "redirect:/annual-reports/" + id;
	}

	@GetMapping("/annual-reports/" + ID)
	String report(Reader reader, @PathVariable long id, Model model) {
		AnnualReport report = this.reports.report(reader, id);
		long wgm = this.reports.monitoringGroup();
		ReportingYear year = this.reports.year(report.getYear());
		boolean whole = report.isPublished() || this.policy.readsWholeReports(reader)
				|| reader.organisationId() == report.getOrganisationId();
		List<ReportSections.Part> shown = this.reports.submittedSections(report)
			.sections()
			.stream()
			.filter((part) -> whole || report.getPublicSections().contains(part.position()))
			.toList();
		model.addAttribute("report", report);
		model.addAttribute("participant", this.reports.organisation(report.getOrganisationId()));
		model.addAttribute("year", year);
		model.addAttribute("standing", Standing.of(year.getDueDate(), report.getFirstSubmittedAt(), this.reports.today()));
		model.addAttribute("submissions", this.reports.submissions(id));
		model.addAttribute("sections", shown.stream().map((part) -> this.reports.render(part.markdown())).toList());
		model.addAttribute("withheld", !whole);
		model.addAttribute("opensDocument", whole && !report.isPublished() || report.isPublished());
		model.addAttribute("mayDraft", this.policy.draftsFor(reader, report.getOrganisationId()));
		model.addAttribute("maySpeak", this.policy.speaksFor(reader, report.getOrganisationId()));
		model.addAttribute("chairsReview", this.policy.keepsTemplate(reader, wgm));
		model.addAttribute("reviews", this.policy.reviews(reader, report));
		model.addAttribute("reviewerNames", this.reports.organisationsAmong(report.getReviewers()));
		model.addAttribute("outcomes", Outcome.values());
		if (!model.containsAttribute("outcomeForm")) {
			model.addAttribute("outcomeForm", new OutcomeForm());
		}
		return "annual-reports/report";
	}

	@PostMapping("/annual-reports/" + ID + "/submit")
	String submit(Reader reader, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "annualReports.submitted", () -> this.reports.submit(reader, id));
	}

	@GetMapping("/annual-reports/" + ID + "/markings")
	String markings(Reader reader, @PathVariable long id, Model model) {
		AnnualReport report = this.reports.report(reader, id);
		if (!this.policy.draftsFor(reader, report.getOrganisationId())) {
			throw new org.springframework.security.access.AccessDeniedException("Markings are the delegation's");
		}
		model.addAttribute("report", report);
		model.addAttribute("sections", this.reports.submittedSections(report).sections());
		model.addAttribute("maySpeak", this.policy.speaksFor(reader, report.getOrganisationId()));
		return "annual-reports/markings";
	}

	@PostMapping("/annual-reports/" + ID + "/markings")
	String mark(Reader reader, @PathVariable long id, @ModelAttribute("form") Markings form,
			RedirectAttributes redirect) {
		try {
			this.reports.mark(reader, id, form.getPublicSections());
			Flash.success(redirect, "annualReports.markings.saved");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/annual-reports/" + id + "/markings";
	}

	@PostMapping("/annual-reports/" + ID + "/publish")
	String publish(Reader reader, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			RedirectAttributes redirect) {
		return act(redirect, id, "annualReports.published", () -> this.reports.publish(reader, id, confirm));
	}

	@GetMapping("/annual-reports/" + ID + "/reviewers")
	String reviewers(Reader reader, @PathVariable long id, Model model) {
		AnnualReport report = this.reports.report(reader, id);
		if (!this.policy.keepsTemplate(reader, this.reports.monitoringGroup())) {
			throw new org.springframework.security.access.AccessDeniedException("The WGM chair's");
		}
		model.addAttribute("report", report);
		model.addAttribute("participant", this.reports.organisation(report.getOrganisationId()));
		model.addAttribute("candidates", this.reports.activeParticipants()
			.stream()
			.filter((ref) -> ref.id() != report.getOrganisationId())
			.sorted(java.util.Comparator.comparing((OrganisationRef ref) -> ref.name().en()))
			.toList());
		return "annual-reports/reviewers";
	}

	@PostMapping("/annual-reports/" + ID + "/reviewers")
	String allocate(Reader reader, @PathVariable long id, @ModelAttribute("form") Reviewers form,
			RedirectAttributes redirect) {
		return act(redirect, id, "annualReports.reviewers.saved",
				() -> this.reports.allocate(reader, id, Set.copyOf(form.getOrganisations())));
	}

	@PostMapping("/annual-reports/" + ID + "/assessment")
	String assessment(Reader reader, @PathVariable long id) {
		return "redirect:/documents/" + this.reports.startAssessment(reader, id);
	}

	@PostMapping("/annual-reports/" + ID + "/outcome")
	String outcome(Reader reader, @PathVariable long id, @Valid @ModelAttribute("outcomeForm") OutcomeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.reports.recordOutcome(reader, id, form.getOutcome(), form.getNote());
				Flash.success(redirect, "annualReports.outcome.saved");
				return "redirect:/annual-reports/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return report(reader, id, model);
	}

	@GetMapping("/annual-reports/compliance")
	String compliance(Reader reader, @RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("board", this.board.board(reader, year));
		model.addAttribute("years", this.reports.years());
		return "annual-reports/compliance";
	}

	@GetMapping("/annual-reports/compliance.csv")
	void complianceCsv(Reader reader, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		ComplianceBoard.Board rows = this.board.board(reader, year);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"annual-reports-"
				+ ((rows.year() == null) ? "" : rows.year().getYear()) + ".csv\"");
		this.board.writeCsv(rows, locale, response.getWriter());
	}

	@GetMapping("/annual-reports/register")
	String register(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("board", this.board.register(year));
		model.addAttribute("years", this.reports.years());
		return "annual-reports/register";
	}

	private static String act(RedirectAttributes redirect, long id, String success, Runnable action) {
		try {
			action.run();
			Flash.success(redirect, success);
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/annual-reports/" + id;
	}

}
