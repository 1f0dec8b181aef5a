package org.kimberleyprocess.portal.directory;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import org.kimberleyprocess.portal.directory.OneTimeLinks.Status;

/** What the pages behind an emailed link (an invitation, a password reset) have in common. */
final class AccountLinkPages {

	static final String UNUSABLE = "directory/link-unusable";

	private AccountLinkPages() {
	}

	/**
	 * The page's address holds the link's token: the page is kept by no cache, and the address is
	 * not sent on as the referrer of the next request.
	 */
	static void keepPrivate(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	/**
	 * The page that says why the link opens nothing (used, expired, or unknown) and how to get a
	 * new one: 410 for a link that was good once, 404 for one that never was.
	 */
	static String unusable(Status status, String purpose, HttpServletResponse response, Model model) {
		response.setStatus(status == Status.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		model.addAttribute("problem", switch (status) {
			case EXPIRED -> "expired";
			case USED -> "used";
			default -> "unknown";
		});
		model.addAttribute("purpose", purpose);
		return UNUSABLE;
	}

}
