package org.kimberleyprocess.portal.workinggroups;

import java.util.Objects;

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

import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.DirectoryQueries.GroupProfile;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Standing;
import org.kimberleyprocess.portal.directory.WorkingGroupService;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

@Controller
class WorkingGroupController {

	private static final int DOCUMENTS_SHOWN = 20;

	private final DirectoryQueries directory;

	private final WorkingGroupService groups;

	private final DocumentReading documents;

	private final ConsensusService consensus;

	private final MeetingService meetings;

	WorkingGroupController(DirectoryQueries directory, WorkingGroupService groups, DocumentReading documents,
			ConsensusService consensus, MeetingService meetings) {
		this.directory = directory;
		this.groups = groups;
		this.documents = documents;
		this.consensus = consensus;
		this.meetings = meetings;
	}

	@GetMapping("/working-groups")
	String list(Model model) {
		model.addAttribute("groups", this.directory.workingGroups());
		return "workinggroups/list";
	}

	/** A group's page: what the reader may see of its documents and open rounds, nothing more. */
	@GetMapping("/working-groups/{code}")
	String group(Reader reader, @PathVariable String code, Model model) {
		GroupProfile group = this.directory.workingGroup(code);
		model.addAttribute("group", group);
		model.addAttribute("documents", this.documents.ofWorkingGroup(reader, group.id(), DOCUMENTS_SHOWN));
		model.addAttribute("rounds", this.consensus.openRounds(reader)
			.stream()
			.filter((round) -> Objects.equals(round.document().getWorkingGroupId(), group.id()))
			.toList());
		model.addAttribute("meetings", this.meetings.upcomingOfGroup(reader, group.id()));
		model.addAttribute("requests", this.groups.requests(reader, code));
		model.addAttribute("standings", Standing.values());
		if (!model.containsAttribute("requestForm")) {
			model.addAttribute("requestForm", new RequestForm());
		}
		if (!model.containsAttribute("decisionForm")) {
			model.addAttribute("decisionForm", new DecisionForm());
		}
		return "workinggroups/detail";
	}

	@PostMapping("/working-groups/{code}/requests")
	String request(Reader reader, @PathVariable String code,
			@Valid @ModelAttribute("requestForm") RequestForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.groups.request(reader, code, form.getNote());
				Flash.success(redirect, "groups.request.sent");
				return "redirect:/working-groups/" + code;
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return group(reader, code, model);
	}

	@PostMapping("/working-groups/{code}/requests/{id}")
	String decide(Reader reader, @PathVariable String code, @PathVariable long id,
			@ModelAttribute("decisionForm") DecisionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.setRequestId(id);
		try {
			this.groups.decide(reader, code, id, form.isAccept(), form.getStanding(), form.getReason());
			Flash.success(redirect, form.isAccept() ? "groups.request.accepted" : "groups.request.declined");
			return "redirect:/working-groups/" + code;
		}
		catch (InvalidInputException ex) {
			if (ex.field() == null) {
				// Decided meanwhile: nothing on the form to correct.
				Flash.error(redirect, ex.messageCode());
				return "redirect:/working-groups/" + code;
			}
			Forms.reject(result, ex);
		}
		return group(reader, code, model);
	}

	public static class RequestForm {

		@NotBlank
		@Size(max = 1000)
		private String note;

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	public static class DecisionForm {

		private long requestId;

		private boolean accept;

		private Standing standing;

		@Size(max = 1000)
		private String reason;

		public long getRequestId() {
			return this.requestId;
		}

		public void setRequestId(long requestId) {
			this.requestId = requestId;
		}

		public boolean isAccept() {
			return this.accept;
		}

		public void setAccept(boolean accept) {
			this.accept = accept;
		}

		public Standing getStanding() {
			return this.standing;
		}

		public void setStanding(Standing standing) {
			this.standing = standing;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

}
