package org.kimberleyprocess.portal.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.PortalUser;

@Controller
class HomeController {

	private final DirectoryQueries directory;

	HomeController(DirectoryQueries directory) {
		this.directory = directory;
	}

	/** What the portal is, for anyone. */
	@GetMapping("/")
	String welcome() {
		return "home/welcome";
	}

	/** The signed-in person's starting point: their organisation and its working groups. */
	@GetMapping("/home")
	String home(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("profile", this.directory.profile(user, user.organisationCode()));
		model.addAttribute("chaired", this.directory.chairedBy(user));
		return "home/home";
	}

}
