package org.kimberleyprocess.portal.meetings;

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

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.meetings.MeetingForms.NewItem;
import org.kimberleyprocess.portal.meetings.MeetingForms.NewMeeting;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

@Controller
class MeetingController {

	private final MeetingService meetings;

	private final MeetingPolicy policy;

	private final DirectoryQueries directory;

	MeetingController(MeetingService meetings, MeetingPolicy policy, DirectoryQueries directory) {
		this.meetings = meetings;
		this.policy = policy;
		this.directory = directory;
	}

	@GetMapping("/meetings")
	String list(Reader reader, Model model) {
		model.addAttribute("meetings", this.meetings.list(reader));
		if (!model.containsAttribute("meetingForm")) {
			model.addAttribute("meetingForm", new NewMeeting());
		}
		model.addAttribute("kinds", Meeting.Kind.values());
		model.addAttribute("hosts", this.directory.activeParticipants());
		model.addAttribute("groups", this.directory.workingGroups());
		model.addAttribute("mayPrepare", this.policy.mayPrepareAny(reader));
		return "meetings/list";
	}

	@PostMapping("/meetings")
	String create(Reader reader, @Valid @ModelAttribute("meetingForm") NewMeeting form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.meetings.create(reader, form.getKind(), Localized.of(form.getTitle(), form.getTitleFr()),
						form.getHost(), form.getGroup(), Localized.of(form.getPlace(), form.getPlaceFr()), form.getStart(),
						form.getEnd());
				Flash.success(redirect, "meeting.created");
				return "redirect:/meetings/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return list(reader, model);
	}

	@GetMapping("/meetings/{id}")
	String meeting(Reader reader, @PathVariable long id, Model model) {
		model.addAttribute("view", this.meetings.meeting(reader, id));
		model.addAttribute("registrations", this.meetings.registrations(reader, id));
		if (!model.containsAttribute("itemForm")) {
			model.addAttribute("itemForm", new NewItem());
		}
		if (!model.containsAttribute("registrationForm")) {
			model.addAttribute("registrationForm", new RegistrationForm());
		}
		return "meetings/detail";
	}

	@PostMapping("/meetings/{id}/registrations")
	String register(Reader reader, @PathVariable long id,
			@ModelAttribute("registrationForm") RegistrationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			int added = this.meetings.register(reader, id, form.getPeople());
			Flash.success(redirect, "meeting.registered", String.valueOf(added));
			return "redirect:/meetings/" + id;
		}
		catch (InvalidInputException ex) {
			Forms.reject(result, ex);
		}
		return meeting(reader, id, model);
	}

	@PostMapping("/meetings/{id}/registrations/{registration}/withdraw")
	String withdraw(Reader reader, @PathVariable long id, @PathVariable long registration,
			RedirectAttributes redirect) {
		try {
			this.meetings.withdraw(reader, id, registration);
			Flash.success(redirect, "meeting.registrationWithdrawn");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/meetings/" + id;
	}

	/** The people ticked on the registration form. */
	public static class RegistrationForm {

		private java.util.List<Long> people = new java.util.ArrayList<>();

		public java.util.List<Long> getPeople() {
			return this.people;
		}

		public void setPeople(java.util.List<Long> people) {
			this.people = people;
		}

	}

	@PostMapping("/meetings/{id}/items")
	String addItem(Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("itemForm") NewItem form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.meetings.addItem(reader, id, form.getTitle(), form.getDocument());
				Flash.success(redirect, "meeting.itemAdded");
				return "redirect:/meetings/" + id;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return meeting(reader, id, model);
	}

	@PostMapping("/meetings/{id}/items/{itemId}/outcome")
	String outcome(Reader reader, @PathVariable long id, @PathVariable long itemId,
			@RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
		if (outcome.isBlank() || outcome.length() > 1000) {
			Flash.error(redirect, "meeting.outcome.invalid");
		}
		else {
			this.meetings.recordOutcome(reader, id, itemId, outcome);
			Flash.success(redirect, "meeting.outcomeRecorded");
		}
		return "redirect:/meetings/" + id;
	}

}
