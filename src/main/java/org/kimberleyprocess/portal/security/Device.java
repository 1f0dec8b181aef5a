package org.kimberleyprocess.portal.security;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a session was signed in with, as a person recognises it ("Firefox on Windows"), read from
 * the browser's User-Agent at sign-in. Either part is null where the header does not tell; the
 * header itself is not kept.
 */
record Device(String browser, String system) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final Device UNKNOWN = new Device(null, null);

	static Device of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return UNKNOWN;
		}
		return new Device(browser(userAgent), system(userAgent));
	}

	/**
	 * Browsers name the engines they are compatible with too (every Chromium browser says
	 * "Safari", Edge and Opera say "Chrome"), so the more particular names are looked for first.
	 */
	private static String browser(String agent) {
		if (agent.contains("Edg/") || agent.contains("EdgA/") || agent.contains("EdgiOS/")) {
			return "Edge";
		}
		if (agent.contains("OPR/") || agent.contains("Opera")) {
			return "Opera";
		}
		if (agent.contains("SamsungBrowser/")) {
			return "Samsung Internet";
		}
		if (agent.contains("Firefox/") || agent.contains("FxiOS/")) {
			return "Firefox";
		}
		if (agent.contains("Chrome/") || agent.contains("CriOS/") || agent.contains("Chromium/")) {
			return "Chrome";
		}
		if (agent.contains("Safari/") && agent.contains("Version/")) {
			return "Safari";
		}
		if (agent.contains("Trident/") || agent.contains("MSIE ")) {
			return "Internet Explorer";
		}
		return null;
	}

	/** iPhones and iPads say "like Mac OS X", Android says "Linux": they are looked for first. */
	private static String system(String agent) {
		if (agent.contains("iPhone")) {
			return "iPhone";
		}
		if (agent.contains("iPad")) {
			return "iPad";
		}
		if (agent.contains("Android")) {
			return "Android";
		}
		if (agent.contains("Windows")) {
			return "Windows";
		}
		if (agent.contains("CrOS")) {
			return "ChromeOS";
		}
		if (agent.contains("Macintosh") || agent.contains("Mac OS X")) {
			return "macOS";
		}
		if (agent.contains("Linux")) {
			return "Linux";
		}
		return null;
	}

	/** In English, for the audit trail. */
	String describe() {
		if (this.browser != null && this.system != null) {
			return this.browser + " on " + this.system;
		}
		if (this.browser != null || this.system != null) {
			return (this.browser != null) ? this.browser : this.system;
		}
		return "unknown device";
	}

}
