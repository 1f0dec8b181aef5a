package org.kimberleyprocess.portal.shared;

import java.util.Locale;

/**
 * The languages the portal speaks, and in which a text is written: pages mark a text in another
 * language than theirs with its {@link #code()}, and what the portal drafts for someone is
 * written in that person's language.
 */
public enum Language {

	EN(Locale.ENGLISH), FR(Locale.FRENCH);

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	/** The language's code for {@code lang} attributes: {@code en}, {@code fr}. */
	public String code() {
		return this.locale.getLanguage();
	}

	public Locale locale() {
		return this.locale;
	}

	/** The language of pages shown in {@code locale}: French for French, English otherwise. */
	public static Language of(Locale locale) {
		return locale != null && FR.code().equals(locale.getLanguage()) ? FR : EN;
	}

}
