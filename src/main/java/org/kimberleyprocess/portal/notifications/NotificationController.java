package org.kimberleyprocess.portal.notifications;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.notifications.NotificationType.Delivery;
import org.kimberleyprocess.portal.shared.Flash;

/**
 * The inbox ({@code /notifications}), each person's delivery preferences, and the failing
 * email administrators see ({@code /admin/emails}).
 */
@Controller
class NotificationController {

	private static final int PAGE_SIZE = 25;

	private final Inbox inbox;

	private final NotificationPolicy policy;

	NotificationController(Inbox inbox, NotificationPolicy policy) {
		this.policy = policy;
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String inbox(Reader reader, @RequestParam(required = false) NotificationType type,
			@RequestParam(defaultValue = "false") boolean unread, @PageableDefault(size = PAGE_SIZE) Pageable pageable,
			Locale locale, Model model) {
		org.springframework.data.domain.Slice<Inbox.Entry> page = this.inbox.page(reader.accountId(), type, unread,
				pageable, locale);
		Set<String> openable = this.policy.openable(reader, page.getContent().stream().map(Inbox.Entry::link).toList());
		model.addAttribute("entries", page.getContent().stream().filter((entry) -> openable.contains(entry.link())).toList());
		model.addAttribute("page", page);
		model.addAttribute("type", type);
		model.addAttribute("unread", unread);
		model.addAttribute("types", NotificationType.values());
		return "notifications/inbox";
	}

	/** Opens a notification: marks it read and goes to what it is about. */
	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return "redirect:" + this.inbox.open(user.id(), id);
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		this.inbox.markRead(user.id(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		this.inbox.markAllRead(user.id());
		Flash.success(redirect, "notifications.allRead");
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("chosen", this.inbox.preferences(user.id()));
		model.addAttribute("deliveries", Delivery.values());
		return "notifications/settings";
	}

	/** Saves the delivery of every kind; a value that is not a delivery is refused, nothing half-saved. */
	@PostMapping("/notifications/settings")
	String saveSettings(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		Map<NotificationType, Delivery> chosen = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			String value = form.get(type.name());
			try {
				chosen.put(type, (value == null) ? type.byDefault() : Delivery.valueOf(value));
			}
			catch (IllegalArgumentException ex) {
				Flash.error(redirect, "notifications.settings.invalid");
				return "redirect:/notifications/settings";
			}
		}
		this.inbox.savePreferences(user.id(), chosen);
		Flash.success(redirect, "notifications.settings.saved");
		return "redirect:/notifications/settings";
	}

	// Administrators: email that keeps failing

	@GetMapping("/admin/emails")
	String emails(Reader reader, Model model) {
		this.policy.requireEmailAdministrator(reader);
		model.addAttribute("emails", this.inbox.failingEmails());
		return "notifications/emails";
	}

	@PostMapping("/admin/emails/{id}/retry")
	String retry(Reader reader, @PathVariable long id, RedirectAttributes redirect) {
		this.policy.requireEmailAdministrator(reader);
		this.inbox.retry(id);
		Flash.success(redirect, "notifications.emails.retrying");
		return "redirect:/admin/emails";
	}

	/** The unread count every signed-in page shows in its header. */
	@ControllerAdvice
	static class UnreadCount {

		private final Inbox inbox;

		UnreadCount(Inbox inbox) {
			this.inbox = inbox;
		}

		@ModelAttribute("unreadNotifications")
		Integer unread(@AuthenticationPrincipal Object principal) {
			return (principal instanceof PortalUser user) ? this.inbox.unread(user.id()) : null;
		}

	}

}
