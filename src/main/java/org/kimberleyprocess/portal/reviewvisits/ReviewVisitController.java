package org.kimberleyprocess.portal.reviewvisits;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService.TeamRejected;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Dates;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Offer;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Reason;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Team;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;

@Controller
class ReviewVisitController {

	private static final int PAGE_SIZE = 25;

	private final ReviewVisitService visits;

	private final java.time.Clock clock;

	ReviewVisitController(ReviewVisitService visits, java.time.Clock clock) {
		this.visits = visits;
		this.clock = clock;
	}

	/** The register; signed out, it shows offers and completed visits only, without internal details. */
	@GetMapping("/review-visits")
	String register(Reader reader, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) VisitStatus status, @PageableDefault(size = PAGE_SIZE) Pageable pageable,
			Model model) {
		model.addAttribute("page", this.visits.register(reader, year, status, pageable));
		model.addAttribute("years", this.visits.years());
		model.addAttribute("year", year);
		model.addAttribute("status", status);
		model.addAttribute("statuses", VisitStatus.values());
		return "reviewvisits/list";
	}

	@GetMapping("/review-visits/new")
	String newOffer(@AuthenticationPrincipal PortalUser user, Model model) {
		requireSignedIn(user);
		Offer form = new Offer();
		form.setPreferredYear(this.clock.instant().atZone(ZoneOffset.UTC).getYear() + 1);
		model.addAttribute("form", form);
		return "reviewvisits/offer";
	}

	@PostMapping("/review-visits")
	String offer(Reader reader, @Valid @ModelAttribute("form") Offer form,
			BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.visits.offer(reader, form);
				Flash.success(redirect, "visit.offered");
				return "redirect:/review-visits/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return "reviewvisits/offer";
	}

	@GetMapping("/review-visits/{id}")
	String visit(Reader reader, @PathVariable long id, Model model) {
		model.addAttribute("view", this.visits.visit(reader, id));
		if (!model.containsAttribute("datesForm")) {
			model.addAttribute("datesForm", new Dates());
		}
		if (!model.containsAttribute("teamForm")) {
			model.addAttribute("teamForm", new Team());
		}
		return "reviewvisits/detail";
	}

	@PostMapping("/review-visits/{id}/{step:accept|call-for-experts|volunteer|complete|report|send-to-host|close-follow-up|reoffer|consent|publish}")
	String step(Reader reader, @PathVariable long id, @PathVariable String step,
			RedirectAttributes redirect) {
		Map<String, Runnable> steps = Map.of("accept", () -> this.visits.accept(reader, id), "call-for-experts",
				() -> this.visits.callForExperts(reader, id), "volunteer", () -> this.visits.volunteer(reader, id),
				"complete", () -> this.visits.complete(reader, id), "report", () -> this.visits.startReport(reader, id),
				"send-to-host", () -> this.visits.sendToHost(reader, id), "close-follow-up",
				() -> this.visits.closeFollowUp(reader, id), "reoffer", () -> this.visits.reoffer(reader, id),
				"consent", () -> this.visits.consentToPublication(reader, id), "publish",
				() -> this.visits.publishReport(reader, id));
		try {
			steps.get(step).run();
			Flash.success(redirect, "visit.step." + step);
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/review-visits/" + id;
	}

	@PostMapping("/review-visits/{id}/{step:decline|withdraw|postpone}")
	String withReason(Reader reader, @PathVariable long id, @PathVariable String step,
			@Valid @ModelAttribute("reasonForm") Reason form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Flash.error(redirect, "visit.reason.required");
			return "redirect:/review-visits/" + id;
		}
		try {
			switch (step) {
				case "decline" -> this.visits.decline(reader, id, Localized.of(form.getReason(), form.getReasonFr()));
				case "withdraw" -> this.visits.withdraw(reader, id, Localized.of(form.getReason(), form.getReasonFr()));
				default -> this.visits.postpone(reader, id, Localized.of(form.getReason(), form.getReasonFr()));
			}
			Flash.success(redirect, "visit.step." + step);
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/review-visits/" + id;
	}

	@PostMapping("/review-visits/{id}/team")
	String team(@AuthenticationPrincipal PortalUser user, Reader reader, @PathVariable long id,
			@ModelAttribute("teamForm") Team form, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			this.visits.confirmTeam(reader, id, form.getMembers(), form.getLeader());
			Flash.success(redirect, "visit.step.team");
			return "redirect:/review-visits/" + id;
		}
		catch (TeamRejected ex) {
			ex.rules().forEach((rule) -> result.reject(rule));
		}
		catch (InvalidInputException ex) {
			Forms.reject(result, ex);
		}
		return visit(reader, id, model);
	}

	@PostMapping("/review-visits/{id}/dates")
	String dates(@AuthenticationPrincipal PortalUser user, Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("datesForm") Dates form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.visits.schedule(reader, id, form.getStart(), form.getEnd());
				Flash.success(redirect, "visit.step.dates");
				return "redirect:/review-visits/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return visit(reader, id, model);
	}

	private static void requireSignedIn(PortalUser user) {
		if (user == null) {
			throw new AccessDeniedException("Sign in first");
		}
	}

}
