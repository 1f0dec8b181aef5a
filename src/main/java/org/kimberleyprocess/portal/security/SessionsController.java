package org.kimberleyprocess.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;

/** A person's own sessions: where they are signed in, and ending those they no longer use. */
@Controller
class SessionsController {

	private final SignedInSessions sessions;

	SessionsController(SignedInSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/account/sessions")
	String list(@AuthenticationPrincipal PortalUser user, Reader reader, HttpSession session, Model model) {
		model.addAttribute("sessions", this.sessions.of(user, reader.roles(), session.getId()));
		return "security/sessions";
	}

	/** Ending the session of this very request is signing out of it. */
	@PostMapping("/account/sessions/{reference}/end")
	String end(@AuthenticationPrincipal PortalUser user, @PathVariable String reference, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication, RedirectAttributes redirect) {
		String current = request.getSession().getId();
		this.sessions.end(user, reference, current);
		if (SignedInSessions.reference(current).equals(reference)) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			return "redirect:/login?signedOut";
		}
		Flash.success(redirect, "sessions.ended");
		return "redirect:/account/sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOthers(@AuthenticationPrincipal PortalUser user, HttpSession session, RedirectAttributes redirect) {
		int ended = this.sessions.endOthers(user, session.getId());
		Flash.success(redirect, "sessions.othersEnded", String.valueOf(ended));
		return "redirect:/account/sessions";
	}

}
