package org.kimberleyprocess.portal.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	/**
	 * The page is never stored, signed out or not: it carries the session's CSRF token and, after
	 * a failure, the username typed, neither of which belongs in a shared computer's cache.
	 */
	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session, HttpServletResponse response,
			@RequestParam(name = "factor.type", required = false) String factor, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
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
		Object wait = session.getAttribute(SecurityConfiguration.SIGN_IN_WAIT);
		session.removeAttribute(SecurityConfiguration.SIGN_IN_WAIT);
		if (wait instanceof Long seconds) {
			model.addAttribute("waitSeconds", seconds);
			model.addAttribute("waitMinutes", (seconds + 59) / 60);
		}
		return "security/login";
	}

}
