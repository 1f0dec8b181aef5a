package org.kimberleyprocess.portal.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import org.kimberleyprocess.portal.shared.DatabaseFaults;

/**
 * While MariaDB is unreachable (down, failing over, or refusing work), every request is answered
 * 503 with a {@code Retry-After} header and a page in the reader's language, never a 500; so is
 * one whose transaction could not have its locks (a deadlock lost at every attempt, a lock wait
 * that timed out), which may be sent again as well. The failure may come before any controller
 * runs, since the session lives in the database (Spring Session looks it up when the security
 * filters first ask for the signed-in person), or at the end of the request, when Spring Session
 * writes the session back; so this filter stands outside Spring Session's filter and sees them
 * all. The page needs nothing from the database: it is shown as to a reader who is not signed
 * in, with no session, no person and no counts, and the language comes from the request alone
 * (the language cookie, or the switch's {@code ?lang=}). It says nothing of the cause; the log
 * does.
 * <p>
 * A request answered this way did not complete: its transaction rolled back or never began, so
 * nothing it sent is reported as done. It may have been done all the same when the database
 * went away after its transaction committed (while the session was being written back); sending
 * it again then records the same thing once more, which is what the page asks.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	static final String VIEW = "error/503";

	/** Set by the audit module's request filter, outside this one; a person may quote it. */
	static final String REQUEST_ID = "X-Request-Id";

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ObjectProvider<ThymeleafViewResolver> views;

	private final ObjectProvider<LocaleResolver> locales;

	private final ObjectProvider<ResourceUrlProvider> assets;

	private final long retryAfterSeconds;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	DatabaseOutageFilter(ObjectProvider<ThymeleafViewResolver> views, ObjectProvider<LocaleResolver> locales,
			ObjectProvider<ResourceUrlProvider> assets, Duration retryAfter) {
		this.views = views;
		this.locales = locales;
		this.assets = assets;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
	}

	/** A failure while the error page of another failure is shown is answered the same way. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseFaults.temporary(ex)) {
				throw ex;
			}
			if (response.isCommitted()) {
				log.warn("The database failed after the answer to {} {} had begun: {}", request.getMethod(),
						request.getRequestURI(), DatabaseFaults.describe(ex));
				throw ex;
			}
			log.warn("Answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					DatabaseFaults.describe(ex));
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		String requestId = response.getHeader(REQUEST_ID);
		response.reset();
		if (requestId != null) {
			response.setHeader(REQUEST_ID, requestId);
		}
		Locale locale = locale(request, response);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.retryAfterSeconds));
		// What Spring Security's headers would have said; the answer was reset with the rest.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
		View view;
		try {
			view = this.views.getObject().resolveViewName(VIEW, locale);
		}
		catch (Exception ex) {
			throw new ServletException("No view for the outage page", ex);
		}
		SecurityContext signedOut = this.holder.createEmptyContext();
		signedOut.setAuthentication(new AnonymousAuthenticationToken("outage", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		this.holder.setContext(signedOut);
		try {
			Map<String, Object> model = new java.util.HashMap<>();
			model.put("requestPath", pagePath(request));
			model.put("retryAfter", this.retryAfterSeconds);
			if (requestId != null) {
				model.put("requestId", requestId);
			}
			view.render(model, request,
					new AssetLinks(request, response, this.assets.getIfAvailable()));
		}
		catch (Exception ex) {
			throw new ServletException("Could not render the outage page", ex);
		}
		finally {
			this.holder.clearContext();
		}
	}

	/**
	 * The language the portal would have chosen (the cookie, or English), or the one the
	 * language switch asks for, remembered as the switch does.
	 */
	private Locale locale(HttpServletRequest request, HttpServletResponse response) {
		LocaleResolver resolver = this.locales.getObject();
		String asked = "GET".equals(request.getMethod()) ? request.getParameter("lang") : null;
		if ("en".equals(asked) || "fr".equals(asked)) {
			Locale locale = Locale.forLanguageTag(asked);
			resolver.setLocale(request, response, locale);
			return locale;
		}
		return resolver.resolveLocale(request);
	}

	/** The page asked for, so the language switch links back to it. */
	private static String pagePath(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (original instanceof String path) ? path : request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/**
	 * Links to the stylesheet and the script under their content-hashed names, as on every other
	 * page (there, Spring MVC's resource chain rewrites them; this page is rendered outside it).
	 */
	private static final class AssetLinks extends HttpServletResponseWrapper {

		private final String context;

		private final ResourceUrlProvider assets;

		AssetLinks(HttpServletRequest request, HttpServletResponse response, ResourceUrlProvider assets) {
			super(response);
			this.context = request.getContextPath();
			this.assets = assets;
		}

		@Override
		public String encodeURL(String url) {
			if (this.assets != null && url.startsWith(this.context + "/")) {
				String hashed = this.assets.getForLookupPath(url.substring(this.context.length()));
				if (hashed != null) {
					return this.context + hashed;
				}
			}
			return url;
		}

	}

}
