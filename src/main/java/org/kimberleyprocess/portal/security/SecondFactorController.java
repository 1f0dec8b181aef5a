package org.kimberleyprocess.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.directory.SecondFactors;
import org.kimberleyprocess.portal.directory.SecondFactors.Enrolment;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The second step of signing in, and a person's own second factor: enrolling an authenticator
 * app, new recovery codes, turning it off where no role needs it.
 */
@Controller
class SecondFactorController {

	static final String CODE_PAGE = "/sign-in/code";

	static final String ENROL_PAGE = "/account/two-factor";

	private static final String RECOVERY_CODES = "recoveryCodes";

	private final SecondFactors secondFactors;

	private final SecurityContextRepository contextRepository;

	private final PortalClock clock;

	SecondFactorController(SecondFactors secondFactors, SecurityContextRepository contextRepository,
			PortalClock clock) {
		this.secondFactors = secondFactors;
		this.contextRepository = contextRepository;
		this.clock = clock;
	}

	/** Opening the page that offers a new key to someone who has one: a change of factor. */
	static boolean replacesFactor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ENROL_PAGE.equals(path) && request.getParameter("replace") != null;
	}

	@GetMapping(CODE_PAGE)
	String codePage(Authentication authentication, @RequestParam(required = false) String error,
			@RequestParam(required = false) String locked, jakarta.servlet.http.HttpSession session, Model model) {
		PortalUser user = (PortalUser) authentication.getPrincipal();
		if (SecondFactorRequirement.hasSecondFactor(authentication) || !user.needsSecondFactor()) {
			return "redirect:/home";
		}
		if (!user.secondFactorEnrolled()) {
			return "redirect:" + ENROL_PAGE;
		}
		model.addAttribute("problem", (locked != null) ? "login.locked" : (error != null) ? "code.failed" : null);
		if (locked != null && session.getAttribute(SecurityConfiguration.SIGN_IN_WAIT) instanceof Long seconds) {
			session.removeAttribute(SecurityConfiguration.SIGN_IN_WAIT);
			model.addAttribute("waitSeconds", seconds);
		}
		return "security/code";
	}

	@GetMapping(ENROL_PAGE)
	String factorPage(Authentication authentication, @RequestParam(required = false) String replace, Model model) {
		PortalUser user = (PortalUser) authentication.getPrincipal();
		boolean proven = SecondFactorRequirement.hasSecondFactor(authentication);
		if (user.secondFactorEnrolled() && !proven) {
			return "redirect:" + CODE_PAGE;
		}
		if (user.secondFactorEnrolled() && replace == null) {
			model.addAttribute("status", this.secondFactors.status(user.id()).orElse(null));
			model.addAttribute("required", requiredByRole(user));
			return "security/two-factor";
		}
		return enrolmentForm(user, this.secondFactors.newEnrolment(user), new EnrolmentForm(), model);
	}

	@PostMapping(ENROL_PAGE)
	String enrol(Authentication authentication, @ModelAttribute("form") EnrolmentForm form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		PortalUser user = (PortalUser) authentication.getPrincipal();
		if (user.secondFactorEnrolled() && !SecondFactorRequirement.hasSecondFactor(authentication)) {
			return "redirect:" + CODE_PAGE;
		}
		try {
			List<String> codes = this.secondFactors.enrol(user, form.getSecret(), form.getCode());
			withSecondFactor(authentication, request, response);
			redirect.addFlashAttribute(RECOVERY_CODES, codes);
			return "redirect:" + ENROL_PAGE + "/recovery-codes";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("codeError", ex.messageCode());
			Enrolment again = this.secondFactors.enrolmentFor(user, form.getSecret());
			form.setCode(null);
			return enrolmentForm(user, again, form, model);
		}
	}

	/** Shown once, right after they were made: afterwards only their number is known. */
	@GetMapping(ENROL_PAGE + "/recovery-codes")
	String recoveryCodes(Model model) {
		if (!model.containsAttribute(RECOVERY_CODES)) {
			return "redirect:" + ENROL_PAGE;
		}
		return "security/recovery-codes";
	}

	@PostMapping(ENROL_PAGE + "/recovery-codes")
	String newRecoveryCodes(Authentication authentication, RedirectAttributes redirect) {
		redirect.addFlashAttribute(RECOVERY_CODES,
				this.secondFactors.newRecoveryCodes((PortalUser) authentication.getPrincipal()));
		return "redirect:" + ENROL_PAGE + "/recovery-codes";
	}

	@PostMapping(ENROL_PAGE + "/off")
	String turnOff(Authentication authentication, RedirectAttributes redirect) {
		try {
			this.secondFactors.turnOff((PortalUser) authentication.getPrincipal());
			Flash.success(redirect, "twoFactor.off.done");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:" + ENROL_PAGE;
	}

	private String enrolmentForm(PortalUser user, Enrolment enrolment, EnrolmentForm form, Model model) {
		form.setSecret(enrolment.secret());
		model.addAttribute("form", form);
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("qrImage", "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(enrolment.qrSvg().getBytes(StandardCharsets.UTF_8)));
		model.addAttribute("required", requiredByRole(user));
		return "security/enrol";
	}

	/**
	 * The person just proved they hold the app: the sign-in has both factors from now on, under
	 * a new session id as after any change of what a session may do.
	 */
	private void withSecondFactor(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(SecondFactorRequirement.AUTHORITY)
			.issuedAt(this.clock.wallClock().instant())
			.build());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, authorities));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contextRepository.saveContext(context, request, response);
	}

	private static boolean requiredByRole(PortalUser user) {
		return user.roles().stream().anyMatch(Role::requiresSecondFactor);
	}

	/** The enrolment form: the secret offered (sent back as it was shown) and the app's code. */
	static class EnrolmentForm {

		private String secret;

		private String code;

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

}
