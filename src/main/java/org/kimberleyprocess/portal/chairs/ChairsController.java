package org.kimberleyprocess.portal.chairs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/** The public history of the chair rotation, and the administration of its future years. */
@Controller
class ChairsController {

	private final ChairSchedule schedule;

	private final CandidacyService candidacies;

	private final DirectoryQueries directory;

	ChairsController(ChairSchedule schedule, CandidacyService candidacies, DirectoryQueries directory) {
		this.schedule = schedule;
		this.candidacies = candidacies;
		this.directory = directory;
	}

	// Candidacies for next year's Vice-Chair

	@GetMapping("/chairs/candidacies")
	String candidacies(Reader user, Model model) {
		model.addAttribute("view", this.candidacies.page(user));
		if (!model.containsAttribute("candidacyForm")) {
			model.addAttribute("candidacyForm", new CandidacyForm());
		}
		if (!model.containsAttribute("assessmentForm")) {
			model.addAttribute("assessmentForm", new AssessmentForm());
		}
		return "chairs/candidacies";
	}

	@PostMapping("/chairs/candidacies")
	String submit(Reader user, @Valid @ModelAttribute("candidacyForm") CandidacyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.candidacies.submit(user, form.getStatement());
				Flash.success(redirect, "candidacy.submitted");
				return "redirect:/chairs/candidacies";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return candidacies(user, model);
	}

	@PostMapping("/chairs/candidacies/{id}/assessment")
	String assess(Reader user, @PathVariable long id,
			@ModelAttribute("assessmentForm") AssessmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.setCandidacyId(id);
		try {
			this.candidacies.assess(user, id, form.getEligible(), form.getAssessment());
			Flash.success(redirect, "candidacy.assessed");
			return "redirect:/chairs/candidacies";
		}
		catch (InvalidInputException ex) {
			if (ex.field() == null) {
				// The selection decision was prepared meanwhile: the form is gone, say why.
				Flash.error(redirect, ex.messageCode());
				return "redirect:/chairs/candidacies";
			}
			Forms.reject(result, ex);
		}
		return candidacies(user, model);
	}

	@PostMapping("/chairs/candidacies/{id}/selection")
	String putToSelection(Reader user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			long document = this.candidacies.putToSelection(user, id);
			Flash.success(redirect, "candidacy.selectionPrepared");
			return "redirect:/documents/" + document;
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode(), java.util.Arrays.stream(ex.arguments()).map(String::valueOf)
				.toArray(String[]::new));
			return "redirect:/chairs/candidacies";
		}
	}

	public static class CandidacyForm {

		@NotBlank
		@Size(max = 2000)
		private String statement;

		public String getStatement() {
			return this.statement;
		}

		public void setStatement(String statement) {
			this.statement = statement;
		}

	}

	public static class AssessmentForm {

		private long candidacyId;

		private Boolean eligible;

		@Size(max = 2000)
		private String assessment;

		public long getCandidacyId() {
			return this.candidacyId;
		}

		public void setCandidacyId(long candidacyId) {
			this.candidacyId = candidacyId;
		}

		public Boolean getEligible() {
			return this.eligible;
		}

		public void setEligible(Boolean eligible) {
			this.eligible = eligible;
		}

		public String getAssessment() {
			return this.assessment;
		}

		public void setAssessment(String assessment) {
			this.assessment = assessment;
		}

	}

	@GetMapping("/chairs")
	String chairs(Model model) {
		model.addAttribute("years", this.schedule.history());
		model.addAttribute("currentYear", this.schedule.currentYear());
		return "chairs/list";
	}

	/** Administration (the URL rules admit the Chair's office and administrators only). */
	@GetMapping("/admin/chairs")
	String administer(Model model) {
		if (!model.containsAttribute("form")) {
			TermForm form = new TermForm();
			form.setYear(!this.schedule.keptThisYear() ? this.schedule.currentYear()
					: this.schedule.history()
						.stream()
						.mapToInt((year) -> year.term().getYear())
						.max()
						.orElse(this.schedule.currentYear()) + 1);
			model.addAttribute("form", form);
		}
		model.addAttribute("years", this.schedule.history());
		model.addAttribute("currentYear", this.schedule.currentYear());
		model.addAttribute("participants", this.directory.activeParticipants());
		return "chairs/admin";
	}

	@PostMapping("/admin/chairs")
	String setYear(@Valid @ModelAttribute("form") TermForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.schedule.setFutureYear(form);
				Flash.success(redirect, "chairs.admin.saved", String.valueOf(form.getYear()));
				return "redirect:/admin/chairs";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return administer(model);
	}

}
