package org.kimberleyprocess.portal.directory;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.kimberleyprocess.portal.directory.Invitations.UnusableLink;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Status;
import org.kimberleyprocess.portal.directory.PasswordResets.Opened;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * A forgotten password: asking for a link (the answer is the same whether or not an account
 * matches), and the page the link opens to choose a new password. As for invitations, the form
 * sends the token in its body.
 */
@Controller
class PasswordResetController {

	private static final String PURPOSE = "reset";

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/password-reset")
	String requestForm(@ModelAttribute("form") ResetRequestForm form) {
		return "directory/password-reset-request";
	}

	@PostMapping("/password-reset")
	String request(@Valid @ModelAttribute("form") ResetRequestForm form, BindingResult result) {
		if (result.hasErrors()) {
			return "directory/password-reset-request";
		}
		this.resets.request(form.getUsernameOrEmail());
		return "redirect:/password-reset?sent";
	}

	@GetMapping(PasswordResets.PAGE + "{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		AccountLinkPages.keepPrivate(response);
		NewPasswordForm form = new NewPasswordForm();
		form.setToken(token);
		return page(form, model, response);
	}

	@PostMapping(PasswordResets.PAGE + "choose")
	String reset(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		AccountLinkPages.keepPrivate(response);
		if (!result.hasFieldErrors("confirmation") && !form.confirmed()) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.resets.reset(form.getToken(), form.getNewPassword());
				return "redirect:/login?reset";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
			catch (UnusableLink ex) {
				return AccountLinkPages.unusable(ex.status(), PURPOSE, response, model);
			}
		}
		form.forgetPasswords();
		return page(form, model, response);
	}

	private String page(NewPasswordForm form, Model model, HttpServletResponse response) {
		Opened opened = this.resets.open(form.getToken());
		if (opened.status() != Status.VALID) {
			return AccountLinkPages.unusable(opened.status(), PURPOSE, response, model);
		}
		model.addAttribute("form", form);
		model.addAttribute("username", opened.username());
		model.addAttribute("requestPath", PasswordResets.PAGE + form.getToken());
		return "directory/password-reset";
	}

}
