package org.kimberleyprocess.portal.audit;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request an audit entry came from: an identifier (sent back in {@code X-Request-Id} so a
 * person can quote it) and the client's address, kept for the duration of the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestInfo extends OncePerRequestFilter {

	record Current(String requestId, String clientAddress) {
	}

	private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

	static Current current() {
		return CURRENT.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = UUID.randomUUID().toString();
		response.setHeader("X-Request-Id", id);
		CURRENT.set(new Current(id, request.getRemoteAddr()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
		}
	}

}
