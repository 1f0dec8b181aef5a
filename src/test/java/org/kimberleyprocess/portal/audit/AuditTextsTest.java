package org.kimberleyprocess.portal.audit;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail keeps the English words each entry was chained with; pages show the sentences
 * the portal writes itself in the reader's language, and what changed as recorded, marked English.
 */
class AuditTextsTest {

	private final AuditTexts texts = new AuditTexts(bundles());

	@Test
	void theSentencesThePortalWritesReadInTheReadersLanguage() {
		String switched = "From Angola to United Arab Emirates at 2016-01-01T00:00:00Z: the outgoing office's rights"
				+ " ended at midnight UTC";
		assertThat(this.texts.summary(switched, Locale.FRENCH)).isEqualTo(
				"Bureau sortant : Angola ; bureau entrant : United Arab Emirates ; le 1 janvier 2016, 00:00 UTC, les"
						+ " droits du bureau sortant ont pris fin à minuit UTC");
		assertThat(this.texts.summary(switched, Locale.ENGLISH)).isEqualTo(
				"From Angola to United Arab Emirates at 1 January 2016, 00:00 UTC: the outgoing office’s rights ended"
						+ " at midnight UTC");
		assertThat(this.texts.summaryLang(switched, Locale.FRENCH)).isNull();
		assertThat(this.texts.summary("No Chair set for 2031: no Participant's Chair's office holds its rights",
				Locale.FRENCH)).startsWith("Aucune présidence fixée pour 2031");
		assertThat(this.texts.summary("Ended by its holder: Firefox on Linux, 127.0.0.1", Locale.FRENCH))
			.isEqualTo("Fermée par son titulaire : Firefox on Linux, 127.0.0.1");
		assertThat(this.texts.summary("With a recovery code", Locale.FRENCH)).isEqualTo("Avec un code de secours");
	}

	@Test
	void whatChangedIsShownAsRecordedAndMarkedEnglishOnFrenchPages() {
		String changed = "status: DRAFT → CIRCULATED";
		assertThat(this.texts.summary(changed, Locale.FRENCH)).isEqualTo(changed);
		assertThat(this.texts.summaryLang(changed, Locale.FRENCH)).isEqualTo("en");
		assertThat(this.texts.summaryLang(changed, Locale.ENGLISH)).isNull();
		assertThat(this.texts.summaryLang("", Locale.FRENCH)).isNull();
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
