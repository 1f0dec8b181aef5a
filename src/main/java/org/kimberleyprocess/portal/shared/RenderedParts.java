package org.kimberleyprocess.portal.shared;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Parts of pages rendered once and served again: a template fragment whose HTML depends on
 * nothing but what its key names is rendered by the first request that needs it, then reused by
 * every request on this node with the same key and language. The caller puts in the key the
 * revision of the data, read in the page's own transaction, so a change committed on any node
 * gives a new key at once on every node; entries no longer asked for leave by size.
 * <p>
 * Forms in a part carry the anti-forgery token of the request that rendered it: it is kept as a
 * placeholder and every request gets its own token in its place. Whatever else differs from one
 * reader to another (their rights, their own comments) must be in the key, or the part must not
 * be shared: that is for the caller to decide.
 */
@Component
public class RenderedParts {

	/** Characters of HTML kept in all, about 32 MB. */
	static final long CAPACITY = 16_000_000;

	private static final String TOKEN = "\u0000csrf\u0000";

	private final Cache<Key, String> parts = Caffeine.newBuilder()
		.maximumWeight(CAPACITY)
		.weigher((Key key, String html) -> html.length())
		.build();

	private final ViewResolver views;

	RenderedParts(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * The HTML of the fragment ({@code "template :: fragment"}) for this key in the request's
	 * language, rendered with the model when this node has not kept it.
	 */
	public Part part(Object key, String fragment, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		String kept = this.parts.get(new Key(fragment, key, locale),
				(missing) -> withoutToken(render(fragment, model, locale, request, response), request));
		return new Part(withToken(kept, request));
	}

	/**
	 * A fragment as Thymeleaf rendered it, every value in it escaped; a page puts it in with
	 * {@code kp:part} (see {@link RenderedPartDialect}), which takes nothing else.
	 */
	public static final class Part {

		private final String html;

		private Part(String html) {
			this.html = html;
		}

		String html() {
			return this.html;
		}

	}

	private String render(String fragment, Map<String, ?> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			View view = this.views.resolveViewName(fragment, locale);
			if (view == null) {
				throw new IllegalStateException("No view for " + fragment);
			}
			Captured captured = new Captured(response);
			view.render(model, request, captured);
			return captured.html();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + fragment, ex);
		}
	}

	private static String withoutToken(String html, HttpServletRequest request) {
		String token = token(request);
		return (token == null) ? html : html.replace(token, TOKEN);
	}

	private static String withToken(String html, HttpServletRequest request) {
		String token = token(request);
		return html.replace(TOKEN, (token == null) ? "" : token);
	}

	private static String token(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return (token instanceof CsrfToken csrf) ? csrf.getToken() : null;
	}

	private record Key(String fragment, Object key, Locale locale) {
	}

	/**
	 * The response the fragment is rendered into: it keeps the HTML and leaves the real
	 * response, its headers and its content type alone.
	 */
	private static final class Captured extends HttpServletResponseWrapper {

		private final StringWriter html = new StringWriter(8192);

		private final PrintWriter writer = new PrintWriter(this.html);

		Captured(HttpServletResponse response) {
			super(response);
		}

		String html() {
			this.writer.flush();
			return this.html.toString();
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A fragment is written as characters");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void flushBuffer() {
		}

	}

}
