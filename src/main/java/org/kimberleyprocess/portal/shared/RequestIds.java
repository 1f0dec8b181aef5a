package org.kimberleyprocess.portal.shared;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request an identifier: sent back in {@code X-Request-Id}, written on every log line
 * of the request (the MDC key {@code requestId}), kept in the audit trail, and shown on the error
 * pages so that a person can quote it. A proxy's or load balancer's own id is kept when it is a
 * short token of letters, digits, dots, dashes and underscores; anything else is replaced, so a
 * header cannot forge log lines or fill the audit trail with arbitrary text.
 * <p>
 * A failure that no handler answered is logged here, while the id is still on the log line,
 * then answered with the 500 page; left to the servlet container, it would be logged after the
 * request's own pass, without the id the person quotes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	/** The MDC key; the default console pattern and the structured formats show it. */
	public static final String MDC_KEY = "requestId";

	/** Kept on the request, so the error dispatch that follows it shows the same id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Logger log = LoggerFactory.getLogger(RequestIds.class);

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	/** The current request's identifier, or null outside a request. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String existing) ? existing
				: chosen(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		String outer = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			failed(request, response, ex);
		}
		finally {
			if (outer == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, outer);
			}
		}
	}

	/** The error page is rendered after the request's own pass: it needs the id again. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * Names the handler's pattern rather than the path, which may carry a link's token
	 * ({@code /invitations/{token}}), so no secret reaches the log.
	 */
	private static void failed(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Throwable cause = (ex instanceof ServletException && ex.getCause() != null) ? ex.getCause() : ex;
		log.error("{} {} failed", request.getMethod(), (pattern != null) ? pattern : "(no handler)", cause);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, cause);
		response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
	}

	static String chosen(String incoming) {
		if (incoming != null && SAFE.matcher(incoming).matches()) {
			return incoming;
		}
		return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}

}
