package org.kimberleyprocess.portal.communiques;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.shared.Dates;

/**
 * The PDF of a communiqué's revision, made on the server from the same sanitised HTML the page
 * shows, with the record of adoption (date, official number, hashes) on its last page. Made once,
 * when the revision is published, in English like the official record.
 */
@Component
class CommuniquePdf {

	/** A font with wide coverage where the system has one; otherwise the PDF standard fonts. */
	private static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

	private static final File BOLD = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

	private final ITemplateEngine templates;

	private final Dates dates;

	static {
		// The renderer's own console logging; failures still surface as exceptions.
		com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
	}

	private final String baseUrl;

	CommuniquePdf(ITemplateEngine templates, Dates dates,
			@org.springframework.beans.factory.annotation.Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
		this.templates = templates;
		this.dates = dates;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	byte[] render(Communique communique, CommuniqueRevision revision) {
		Locale previous = LocaleContextHolder.getLocale();
		String html;
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			Context context = new Context(Locale.ENGLISH);
			context.setVariable("communique", communique);
			context.setVariable("revision", revision);
			context.setVariable("dates", this.dates);
			context.setVariable("address", this.baseUrl + communique.path()
					+ (revision.isCorrigendum() ? "/revisions/" + revision.getNumber() : ""));
			html = this.templates.process("communiques/pdf", context);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
		org.w3c.dom.Document document = W3CDom.convert(Jsoup.parse(html));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			if (FONT.canRead() && BOLD.canRead()) {
				builder.useFont(FONT, "Portal Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
				builder.useFont(BOLD, "Portal Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
				// Tagged for screen readers (PDF/UA), which needs every glyph from an embedded font.
				builder.usePdfUaAccessibility(true);
			}
			builder.withW3cDocument(document, "/");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
