package org.kimberleyprocess.portal.statistics;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import org.kimberleyprocess.portal.shared.Flash;

/**
 * A file over the upload limit ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}) never reaches a controller: the server refuses to read the form, and
 * the first filter that asks for a parameter (the CSRF check) would fail. This filter, just
 * before Spring Security and after the session, answers instead: back to the return's page with
 * a message saying the file is too large, or 413 elsewhere. A request announced larger than the
 * limit is turned back before its body is read.
 */
@Component
class UploadLimit extends OncePerRequestFilter implements Ordered {

	private static final Pattern RETURN_UPLOAD = Pattern
		.compile("(/statistics/returns/[a-z0-9-]{1,40}/[0-9]{4}/(production|trade)/[1-4])/csv");

	private final long maxRequestSize;

	UploadLimit(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize.toBytes();
	}

	@Override
	public int getOrder() {
		return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxRequestSize) {
			tooLarge(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException ex) {
			if (!exceedsLimit(ex) || response.isCommitted()) {
				throw ex;
			}
			tooLarge(request, response);
		}
	}

	/** The server's own refusal (Tomcat's size limit exceptions) or Spring's, wherever in the causes. */
	private static boolean exceedsLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException
					|| cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
				return true;
			}
		}
		return false;
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Matcher upload = RETURN_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!upload.matches()) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		String target = request.getContextPath() + upload.group(1);
		FlashMap flash = new FlashMap();
		flash.put("flash", new Flash(false, "statistics.csv.tooLarge", List.of()));
		flash.setTargetRequestPath(target);
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.sendRedirect(target);
	}

}
