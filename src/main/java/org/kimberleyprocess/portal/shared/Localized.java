package org.kimberleyprocess.portal.shared;

import java.util.Locale;

/** A name kept in both working languages of the portal. */
public record Localized(String en, String fr) implements java.io.Serializable {

	public String in(Locale locale) {
		return locale != null && "fr".equals(locale.getLanguage()) && fr != null && !fr.isBlank() ? fr : en;
	}

}
