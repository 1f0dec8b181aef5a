package org.kimberleyprocess.portal.shared;

import java.util.Locale;

/** A name kept in both working languages of the portal. */
public record Localized(String en, String fr) implements java.io.Serializable {

	public String in(Locale locale) {
		return fallsBack(locale) || !"fr".equals(language(locale)) ? en : fr;
	}

	/**
	 * The language {@link #in} answers in, for a page's {@code lang} attribute: {@code "en"} where
	 * a French page shows the English because there is no French, otherwise {@code null} (the
	 * page's own language).
	 */
	public String langIn(Locale locale) {
		return fallsBack(locale) ? "en" : null;
	}

	/** Both forms given: the English one is required, the French one optional. */
	public static Localized of(String en, String fr) {
		return new Localized(en == null ? null : en.strip(), (fr == null || fr.isBlank()) ? null : fr.strip());
	}

	private boolean fallsBack(Locale locale) {
		return "fr".equals(language(locale)) && (this.fr == null || this.fr.isBlank());
	}

	private static String language(Locale locale) {
		return (locale == null) ? "en" : locale.getLanguage();
	}

}
