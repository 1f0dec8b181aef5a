package org.kimberleyprocess.portal.chairs;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/** The public history of the chair rotation, and the administration of its future years. */
@Controller
class ChairsController {

	private final ChairSchedule schedule;

	private final DirectoryQueries directory;

	ChairsController(ChairSchedule schedule, DirectoryQueries directory) {
		this.schedule = schedule;
		this.directory = directory;
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
			form.setYear(this.schedule.history()
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
