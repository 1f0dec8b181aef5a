package org.kimberleyprocess.portal.calendar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.calendar.CalendarFeeds.Event;
import org.kimberleyprocess.portal.consensus.ConsensusService.OpenRound;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.meetings.MeetingService.MeetingRow;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService.VisitRow;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.NotFoundException;

/** The calendar address page, and the feed it serves. */
@Controller
class CalendarController {

	private final CalendarFeeds calendars;

	private final ReviewVisitService visits;

	private final MeetingService meetings;

	private final ConsensusService consensus;

	private final CalendarPolicy policy;

	private final MessageSource messages;

	CalendarController(CalendarFeeds calendars, CalendarPolicy policy, ReviewVisitService visits,
			MeetingService meetings, ConsensusService consensus, MessageSource messages) {
		this.messages = messages;
		this.calendars = calendars;
		this.policy = policy;
		this.visits = visits;
		this.meetings = meetings;
		this.consensus = consensus;
	}

	@GetMapping("/calendar")
	String settings(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("token", this.calendars.tokenOf(user.id()).orElse(null));
		return "calendar/settings";
	}

	@PostMapping("/calendar")
	String issue(@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		this.calendars.issue(user.id());
		Flash.success(redirect, "calendar.issued");
		return "redirect:/calendar";
	}

	@PostMapping("/calendar/revoke")
	String revoke(@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		this.calendars.revoke(user.id());
		Flash.success(redirect, "calendar.revoked");
		return "redirect:/calendar";
	}

	/** The feed at its secret address ({@link CalendarPolicy}); a revoked or unknown address is not found. */
	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		CalendarPolicy.Feed feed = this.policy.ownerOf(token).orElseThrow(NotFoundException::new);
		Reader reader = feed.reader();
		Locale language = feed.language();
		List<Event> events = new ArrayList<>();
		boolean internals = this.policy.showsVisitScope(reader);
		for (VisitRow row : this.visits.scheduled(reader)) {
			events.add(new Event("review-visit-" + row.visit().getId(), row.visit().getStartDate(),
					row.visit().getEndDate(), null, this.messages.getMessage("calendar.visit", new Object[] { row.host().name(language) }, language),
					internals ? row.visit().getScope() : null));
		}
		for (MeetingRow row : this.meetings.list(reader)) {
			events.add(new Event("meeting-" + row.meeting().getId(), row.meeting().getStartDate(),
					row.meeting().getEndDate(), null, row.meeting().getTitles().in(language),
					row.meeting().getPlaces().in(language)));
		}
		for (OpenRound round : this.consensus.openRounds(reader)) {
			if (round.round().getDeadline() != null) {
				events.add(new Event("deadline-" + round.round().getId(), null, null, round.round().getDeadline(),
						this.messages.getMessage("calendar.deadline", new Object[] { round.document().getTitle() }, language),
						null));
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.body(this.calendars.render(events).getBytes(StandardCharsets.UTF_8));
	}

}
