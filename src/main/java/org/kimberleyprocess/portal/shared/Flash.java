package org.kimberleyprocess.portal.shared;

import java.io.Serializable;
import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A message for the next page after a redirect, as a message key and its arguments. */
public record Flash(boolean success, String code, List<String> arguments) implements Serializable {

	public static void success(RedirectAttributes attributes, String code, String... arguments) {
		attributes.addFlashAttribute("flash", new Flash(true, code, List.of(arguments)));
	}

	public static void error(RedirectAttributes attributes, String code, String... arguments) {
		attributes.addFlashAttribute("flash", new Flash(false, code, List.of(arguments)));
	}

	public Object[] args() {
		return this.arguments.toArray();
	}

}
