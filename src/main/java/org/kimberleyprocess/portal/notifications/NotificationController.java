package org.kimberleyprocess.portal.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.notifications.NotificationType.Delivery;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The inbox ({@code /notifications}), each person's delivery preferences, and the failing
 * email administrators see ({@code /admin/emails}). Everyone reads and changes only their own.
 */
@Controller
class NotificationController {

	private static final int PAGE_SIZE = 25;

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final Clock clock;

	NotificationController(JdbcTemplate jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	record Entry(long id, NotificationType type, String message, String link, Instant createdAt, boolean read) {
	}

	@GetMapping("/notifications")
	String inbox(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) NotificationType type,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		int number = Math.min(Math.max(page, 0), 10_000);
		List<Entry> entries = this.jdbc.query("""
				SELECT id, type, arguments, link, created_at, read_at FROM notification
				WHERE account_id = ? AND (? IS NULL OR type = ?) AND (? = FALSE OR read_at IS NULL)
				ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""", (row, n) -> {
					NotificationType kind = NotificationType.valueOf(row.getString("type"));
					return new Entry(row.getLong("id"), kind,
							Messages.render(this.messages, kind, Messages.split(row.getString("arguments")), locale),
							row.getString("link"),
							row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
							row.getObject("read_at") != null);
				}, user.id(), type == null ? null : type.name(), type == null ? null : type.name(), unread,
				PAGE_SIZE + 1, number * PAGE_SIZE);
		model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
		model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
		model.addAttribute("page", number);
		model.addAttribute("type", type);
		model.addAttribute("unread", unread);
		model.addAttribute("types", NotificationType.values());
		return "notifications/inbox";
	}

	/** Opens a notification: marks it read and goes to what it is about. */
	@PostMapping("/notifications/{id}/open")
	@Transactional
	String open(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		List<String> link = this.jdbc.queryForList("SELECT link FROM notification WHERE id = ? AND account_id = ?",
				String.class, id, user.id());
		if (link.isEmpty()) {
			throw new NotFoundException();
		}
		markRead(user, id);
		return "redirect:" + link.get(0);
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		if (markRead(user, id) == 0
				&& this.jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE id = ? AND account_id = ?",
						Integer.class, id, user.id()) == 0) {
			throw new NotFoundException();
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		this.jdbc.update("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL", now(), user.id());
		Flash.success(redirect, "notifications.allRead");
		return "redirect:/notifications";
	}

	private int markRead(PortalUser user, long id) {
		return this.jdbc.update("UPDATE notification SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL",
				now(), id, user.id());
	}

	@GetMapping("/notifications/settings")
	String settings(@AuthenticationPrincipal PortalUser user, Model model) {
		Map<NotificationType, Delivery> chosen = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			chosen.put(type, type.byDefault());
		}
		this.jdbc.query("SELECT type, delivery FROM notification_preference WHERE account_id = ?", (row) -> {
			chosen.put(NotificationType.valueOf(row.getString(1)), Delivery.valueOf(row.getString(2)));
		}, user.id());
		model.addAttribute("chosen", chosen);
		model.addAttribute("deliveries", Delivery.values());
		return "notifications/settings";
	}

	/** Saves the delivery of every type; a value that is not a delivery is refused, nothing half-saved. */
	@PostMapping("/notifications/settings")
	@Transactional
	String saveSettings(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		Map<NotificationType, Delivery> chosen = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			String value = form.get(type.name());
			Delivery delivery;
			try {
				delivery = (value == null) ? type.byDefault() : Delivery.valueOf(value);
			}
			catch (IllegalArgumentException ex) {
				Flash.error(redirect, "notifications.settings.invalid");
				return "redirect:/notifications/settings";
			}
			chosen.put(type, delivery);
		}
		chosen.forEach((type, delivery) -> this.jdbc.update("""
				INSERT INTO notification_preference (account_id, type, delivery) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE delivery = VALUES(delivery)""", user.id(), type.name(), delivery.name()));
		Flash.success(redirect, "notifications.settings.saved");
		return "redirect:/notifications/settings";
	}

	// Administrators: email that keeps failing

	@GetMapping("/admin/emails")
	String emails(@AuthenticationPrincipal PortalUser user, Model model) {
		requireAdministrator(user);
		model.addAttribute("emails", this.jdbc.queryForList("""
				SELECT id, recipient, subject, status, attempts, next_attempt_at, last_error FROM outgoing_email
				WHERE status = 'FAILED' OR (status = 'PENDING' AND attempts > 0) ORDER BY id DESC LIMIT 200"""));
		return "notifications/emails";
	}

	@PostMapping("/admin/emails/{id}/retry")
	String retry(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		requireAdministrator(user);
		if (this.jdbc.update("UPDATE outgoing_email SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ?"
				+ " AND status <> 'SENT'", now(), id) == 0) {
			throw new NotFoundException();
		}
		Flash.success(redirect, "notifications.emails.retrying");
		return "redirect:/admin/emails";
	}

	private static void requireAdministrator(PortalUser user) {
		if (!user.has(org.kimberleyprocess.portal.directory.Role.SYSTEM_ADMINISTRATOR)) {
			throw new org.springframework.security.access.AccessDeniedException("Administrators only");
		}
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** The unread count every signed-in page shows in its header. */
	@ControllerAdvice
	static class UnreadCount {

		private final JdbcTemplate jdbc;

		UnreadCount(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@ModelAttribute("unreadNotifications")
		Integer unread(@AuthenticationPrincipal Object principal) {
			if (!(principal instanceof PortalUser user)) {
				return null;
			}
			return this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM notification WHERE account_id = ? AND read_at IS NULL", Integer.class, user.id());
		}

	}

}
