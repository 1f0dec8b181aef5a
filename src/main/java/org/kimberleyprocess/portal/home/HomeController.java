package org.kimberleyprocess.portal.home;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.kimberleyprocess.portal.chairs.ChairSchedule;
import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;

@Controller
class HomeController {

	private static final int LATEST_COMMUNIQUES = 3;

	private final DirectoryQueries directory;

	private final ChairSchedule chairs;

	private final CommuniqueService communiques;

	private final HomeAgenda agenda;

	HomeController(DirectoryQueries directory, ChairSchedule chairs, CommuniqueService communiques,
			HomeAgenda agenda) {
		this.agenda = agenda;
		this.directory = directory;
		this.chairs = chairs;
		this.communiques = communiques;
	}

	/** The public front page: who chairs, the latest communiqués and the scheme's membership. */
	@GetMapping("/")
	String welcome(Model model) {
		model.addAttribute("chairs", this.chairs.current().orElse(null));
		model.addAttribute("year", this.chairs.currentYear());
		model.addAttribute("communiques", this.communiques.latest(LATEST_COMMUNIQUES));
		model.addAttribute("register", this.directory.publicRegister());
		return "home/welcome";
	}

	/** The public register of Participants, with the countries each represents, and Observers. */
	@GetMapping("/participants")
	String participants(Model model) {
		model.addAttribute("register", this.directory.publicRegister());
		return "home/participants";
	}

	/** The signed-in person's starting point: what awaits them, their organisation and its working groups. */
	@GetMapping("/home")
	String home(@AuthenticationPrincipal PortalUser user, Reader reader, Locale locale, Model model) {
		model.addAttribute("agenda", this.agenda.of(reader, locale));
		model.addAttribute("profile", this.directory.profile(user, user.organisationCode()));
		model.addAttribute("chaired", this.directory.chairedBy(user));
		return "home/home";
	}

}
