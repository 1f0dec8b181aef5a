package org.kimberleyprocess.portal.directory;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/** Designating the chair of each working group and committee, and the chair's term. */
@Controller
class GroupChairController {

	private final WorkingGroupService groups;

	GroupChairController(WorkingGroupService groups) {
		this.groups = groups;
	}

	@GetMapping("/admin/working-groups")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("groups", this.groups.groupsWithChairs(user));
		return "admin/groups";
	}

	@GetMapping("/admin/working-groups/{code}")
	String edit(@AuthenticationPrincipal PortalUser user, @PathVariable String code, Model model) {
		WorkingGroup group = this.groups.groupWithChair(user, code);
		ChairForm form = new ChairForm();
		form.setUsername(group.getChairAccount() == null ? null : group.getChairAccount().getUsername());
		form.setFrom(group.getChairFrom());
		form.setUntil(group.getChairUntil());
		model.addAttribute("chairForm", form);
		model.addAttribute("group", group);
		return "admin/group-chair";
	}

	@PostMapping("/admin/working-groups/{code}")
	String save(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@Valid @ModelAttribute("chairForm") ChairForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		WorkingGroup group = this.groups.groupWithChair(user, code);
		if (!result.hasErrors()) {
			try {
				this.groups.designateChair(user, code, form.getUsername(), form.getFrom(), form.getUntil());
				Flash.success(redirect, "groups.chair.saved", group.getName().en());
				return "redirect:/admin/working-groups";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("group", group);
		return "admin/group-chair";
	}

	public static class ChairForm {

		@NotBlank
		private String username;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate from;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate until;

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public LocalDate getFrom() {
			return this.from;
		}

		public void setFrom(LocalDate from) {
			this.from = from;
		}

		public LocalDate getUntil() {
			return this.until;
		}

		public void setUntil(LocalDate until) {
			this.until = until;
		}

	}

}
