package org.kimberleyprocess.portal.directory;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
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

/** Organisations and accounts, for the Chair's office and system administrators. */
@Controller
@RequestMapping("/admin")
class AdministrationController {

	static final int PAGE_SIZE = 25;

	private final DirectoryAdministration administration;

	private final DirectoryPolicy policy;

	private final SecondFactors secondFactors;

	AdministrationController(DirectoryAdministration administration, DirectoryPolicy policy,
			SecondFactors secondFactors) {
		this.administration = administration;
		this.policy = policy;
		this.secondFactors = secondFactors;
	}

	@GetMapping
	String index() {
		return "admin/index";
	}

	@GetMapping("/organisations")
	String organisations(@AuthenticationPrincipal PortalUser user,
			@RequestParam(required = false) OrganisationKind kind, @PageableDefault(size = PAGE_SIZE) Pageable pageable,
			Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("page",
				this.administration.organisations(user, kind, pageable));
		return "admin/organisations";
	}

	@GetMapping("/organisations/new")
	String newOrganisation(@ModelAttribute("form") OrganisationForm form, Model model) {
		return organisationForm(model, null);
	}

	@PostMapping("/organisations")
	String createOrganisation(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.administration.createOrganisation(user, form);
				Flash.success(redirect, "admin.organisation.created", form.getNameEn());
				return "redirect:/admin/organisations";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return organisationForm(model, null);
	}

	@GetMapping("/organisations/{id}/edit")
	String editOrganisation(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("form", this.administration.organisationForm(user, id));
		return organisationForm(model, id);
	}

	@PostMapping("/organisations/{id}")
	String updateOrganisation(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.administration.updateOrganisation(user, id, form);
				Flash.success(redirect, "admin.organisation.saved", form.getNameEn());
				return "redirect:/admin/organisations";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return organisationForm(model, id);
	}

	private String organisationForm(Model model, Long id) {
		model.addAttribute("organisationId", id);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("statuses", ParticipantStatus.values());
		model.addAttribute("categories", ObserverCategory.values());
		return "admin/organisation-form";
	}

	@GetMapping("/users")
	String users(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String q, @PageableDefault(size = PAGE_SIZE) Pageable pageable, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("q", q);
		model.addAttribute("organisations", this.administration.allOrganisations(user));
		model.addAttribute("page",
				this.administration.accounts(user, organisation, q, pageable));
		return "admin/users";
	}

	@GetMapping("/users/new")
	String newUser(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") AccountForm form, Model model) {
		return userForm(user, model, null);
	}

	@PostMapping("/users")
	String createUser(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") AccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.administration.createAccount(user, form);
				Flash.success(redirect, "admin.user.invited", AccountDirectory.normalise(form.getUsername()),
						form.getEmail().strip());
				return "redirect:/admin/users/" + id + "/edit";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return userForm(user, model, null);
	}

	@GetMapping("/users/{id}/edit")
	String editUser(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		Account account = this.administration.account(user, id);
		model.addAttribute("form", AccountForm.of(account));
		return userForm(user, model, account);
	}

	@PostMapping("/users/{id}")
	String updateUser(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Account account = this.administration.account(user, id);
		form.setUsername(account.getUsername());
		if (!result.hasErrors()) {
			try {
				this.administration.updateAccount(user, id, form);
				Flash.success(redirect, "admin.user.saved", account.getUsername());
				return "redirect:/admin/users/" + id + "/edit";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return userForm(user, model, account);
	}

	@PostMapping("/users/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.deactivate(user, id);
			Flash.success(redirect, "admin.user.deactivated");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/admin/users/" + id + "/edit";
	}

	@PostMapping("/users/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.reactivate(user, id);
			Flash.success(redirect, "admin.user.reactivated");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/admin/users/" + id + "/edit";
	}

	/** Emails a link to choose a new password: no password is made up, shown or handed on. */
	@PostMapping("/users/{id}/reset-password")
	String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			Flash.success(redirect, "admin.user.resetLinkSent", this.administration.resetPassword(user, id));
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/admin/users/" + id + "/edit";
	}

	@PostMapping("/users/{id}/invitation")
	String resendInvitation(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			Flash.success(redirect, "admin.user.invitationSent", this.administration.resendInvitation(user, id));
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/admin/users/" + id + "/edit";
	}

	/** For someone who lost their authenticator: they enrol a new one at their next sign-in. */
	@PostMapping("/users/{id}/reset-second-factor")
	String resetSecondFactor(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		this.secondFactors.reset(user, id);
		Flash.success(redirect, "admin.user.secondFactorReset");
		return "redirect:/admin/users/" + id + "/edit";
	}

	private String userForm(PortalUser user, Model model, Account account) {
		model.addAttribute("account", account);
		model.addAttribute("secondFactor", account != null && this.secondFactors.enrolled(account.getId()));
		model.addAttribute("organisations", this.administration.allOrganisations(user));
		model.addAttribute("roles", this.policy.grantableRoles(user));
		return "admin/user-form";
	}

}
