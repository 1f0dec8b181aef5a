package org.kimberleyprocess.portal.directory;

import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * An organisation's members, for its head of delegation or Observer's representative: the list,
 * the invitation form, and an action for each member.
 */
@Controller
@RequestMapping("/organisations/{code}/members")
class MembersController {

	private final OrganisationMembers members;

	MembersController(OrganisationMembers members) {
		this.members = members;
	}

	@GetMapping
	String members(@AuthenticationPrincipal PortalUser user, @PathVariable String code, Model model) {
		model.addAttribute("form", new InvitationForm());
		return page(user, code, model);
	}

	@PostMapping
	String invite(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@Valid @ModelAttribute("form") InvitationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		String page = page(user, code, model);
		if (!result.hasErrors()) {
			try {
				this.members.invite(user, code, form);
				Flash.success(redirect, "members.invited", form.getFullName().strip(), form.getEmail().strip());
				return "redirect:/organisations/" + code + "/members";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return page;
	}

	@PostMapping("/{id}/invitation")
	String resendInvitation(@AuthenticationPrincipal PortalUser user, @PathVariable String code,
			@PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, code, "members.invitation.sent", () -> this.members.resendInvitation(user, code, id));
	}

	@PostMapping("/{id}/suspend")
	String suspend(@AuthenticationPrincipal PortalUser user, @PathVariable String code, @PathVariable long id,
			RedirectAttributes redirect) {
		return act(redirect, code, "members.suspended", () -> this.members.suspend(user, code, id));
	}

	@PostMapping("/{id}/reinstate")
	String reinstate(@AuthenticationPrincipal PortalUser user, @PathVariable String code, @PathVariable long id,
			RedirectAttributes redirect) {
		return act(redirect, code, "members.reinstated", () -> this.members.reinstate(user, code, id));
	}

	@PostMapping("/{id}/remove")
	String remove(@AuthenticationPrincipal PortalUser user, @PathVariable String code, @PathVariable long id,
			RedirectAttributes redirect) {
		return act(redirect, code, "members.removed", () -> this.members.remove(user, code, id));
	}

	@PostMapping("/{id}/role")
	String changeRole(@AuthenticationPrincipal PortalUser user, @PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) Role role, RedirectAttributes redirect) {
		return act(redirect, code, "members.roleChanged", () -> this.members.changeRole(user, code, id, role));
	}

	/** Does one member's action, and says what was done (naming the member) or why not. */
	private static String act(RedirectAttributes redirect, String code, String done,
			Supplier<String> action) {
		try {
			Flash.success(redirect, done, action.get());
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/organisations/" + code + "/members";
	}

	private String page(PortalUser user, String code, Model model) {
		model.addAttribute("page", this.members.page(user, code));
		return "directory/members";
	}

}
