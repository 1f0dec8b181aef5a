package org.kimberleyprocess.portal.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session,
			@RequestParam(name = "factor.type", required = false) String factor, Model model) {
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		if (signedIn && factor == null) {
			return "redirect:/home";
		}
		if (signedIn) {
			// Asked again before a change to how the person signs in: the same form, their name kept.
			model.addAttribute("username", authentication.getName());
			model.addAttribute("confirming", true);
			return "security/login";
		}
		Object lastUsername = session.getAttribute(SecurityConfiguration.LAST_USERNAME);
		session.removeAttribute(SecurityConfiguration.LAST_USERNAME);
		model.addAttribute("username", lastUsername == null ? "" : lastUsername);
		return "security/login";
	}

}
