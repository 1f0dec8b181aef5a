package org.kimberleyprocess.portal.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional requests for what anyone may read without signing in. Such pages may be kept by
 * the reader's browser and revalidated ({@code Cache-Control: no-cache}); each carries an ETag,
 * and a repeated request whose copy is current gets 304 with no body, which matters on a slow
 * connection. Pages that know when their content last changed answer before rendering
 * ({@link #unchanged}); the others are compared by the hash of what they rendered. Signed-in
 * pages stay uncached ({@code no-store}, from Spring Security), as they show the person's own data.
 */
@Component
public class PublicPages extends ShallowEtagHeaderFilter {

	/** Pages rendered before this start of the portal (perhaps by another release) are not current. */
	private static final String BUILD = java.util.UUID.randomUUID().toString();

	/**
	 * Weak ETags: the page is the same whatever its compression, and Tomcat compresses no response
	 * that carries a strong one.
	 */
	public PublicPages() {
		setWriteWeakETag(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!read || request.getUserPrincipal() != null) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		super.doFilterInternal(request, response, chain);
	}

	/**
	 * Whether a reader who is not signed in already holds the current page: true when the page
	 * last changed at {@code lastModified} and is identified by {@code parts} (and the reader's
	 * language); the caller then returns nothing and the reader gets 304. Signed-in readers are
	 * always given the page.
	 */
	public static boolean unchanged(WebRequest request, Instant lastModified, Object... parts) {
		if (request.getUserPrincipal() != null) {
			return false;
		}
		StringBuilder identity = new StringBuilder(BUILD).append('|').append(LocaleContextHolder.getLocale());
		for (Object part : parts) {
			identity.append('|').append(part);
		}
		return request.checkNotModified("W/\"" + sha256(identity.toString()) + "\"", lastModified.toEpochMilli());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
