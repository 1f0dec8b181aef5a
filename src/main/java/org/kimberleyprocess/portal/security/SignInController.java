package org.kimberleyprocess.portal.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/home";
		}
		Object lastUsername = session.getAttribute(SecurityConfiguration.LAST_USERNAME);
		session.removeAttribute(SecurityConfiguration.LAST_USERNAME);
		model.addAttribute("username", lastUsername == null ? "" : lastUsername);
		return "security/login";
	}

}
