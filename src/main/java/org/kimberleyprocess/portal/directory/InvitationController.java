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

import org.kimberleyprocess.portal.directory.Invitations.Opened;
import org.kimberleyprocess.portal.directory.Invitations.UnusableLink;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Status;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * The page an invitation's link opens: who invites the person, to which organisation and role, and
 * the form to choose a password. Opening it changes nothing; the form's submission uses the link
 * up, and the person then signs in. The form sends the token in its body, so no address the portal
 * records (as of a refused request) holds it.
 */
@Controller
class InvitationController {

	private static final String PURPOSE = "invitation";

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping(Invitations.PAGE + "{token}")
	String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
		AccountLinkPages.keepPrivate(response);
		NewPasswordForm form = new NewPasswordForm();
		form.setToken(token);
		return page(form, model, response);
	}

	@PostMapping(Invitations.PAGE + "accept")
	String accept(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		AccountLinkPages.keepPrivate(response);
		if (!result.hasFieldErrors("confirmation") && !form.confirmed()) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.invitations.accept(form.getToken(), form.getNewPassword());
				return "redirect:/login?welcome";
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
		Opened opened = this.invitations.open(form.getToken());
		if (opened.status() != Status.VALID) {
			return AccountLinkPages.unusable(opened.status(), PURPOSE, response, model);
		}
		model.addAttribute("form", form);
		model.addAttribute("invitation", opened.invitation());
		model.addAttribute("requestPath", Invitations.PAGE + form.getToken());
		return "directory/invitation";
	}

}
