package org.kimberleyprocess.portal.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.kimberleyprocess.portal.shared.RequestIds;

/**
 * The request an audit entry came from: its identifier (see {@link RequestIds}, the one a person
 * quotes from an error page) and the client's address, kept for the duration of the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
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
		CURRENT.set(new Current(RequestIds.current(), request.getRemoteAddr()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
		}
	}

}
