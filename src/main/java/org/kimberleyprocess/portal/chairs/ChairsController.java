package org.kimberleyprocess.portal.chairs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public history of the chair rotation. */
@Controller
class ChairsController {

	private final ChairSchedule schedule;

	ChairsController(ChairSchedule schedule) {
		this.schedule = schedule;
	}

	@GetMapping("/chairs")
	String chairs(Model model) {
		model.addAttribute("years", this.schedule.history());
		model.addAttribute("currentYear", this.schedule.currentYear());
		return "chairs/list";
	}

}
