package org.kimberleyprocess.portal.directory;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/** A person's own account, and the organisations' pages of the directory. */
@Controller
class AccountController {

	private final AccountDirectory accounts;

	private final DirectoryQueries directory;

	AccountController(AccountDirectory accounts, DirectoryQueries directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@GetMapping("/account/password")
	String passwordForm(@ModelAttribute("form") PasswordForm form) {
		return "directory/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("confirmation") && !form.confirmed()) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.accounts.changePassword(user, form.getCurrentPassword(), form.getNewPassword());
				Flash.success(redirect, "password.changed");
				return "redirect:/home";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		form.setCurrentPassword(null);
		form.setNewPassword(null);
		form.setConfirmation(null);
		return "directory/password";
	}

	@GetMapping("/organisations/{code}")
	String organisation(@AuthenticationPrincipal PortalUser user, @PathVariable String code, Model model) {
		model.addAttribute("profile", this.directory.profile(user, code));
		return "directory/organisation";
	}

}
