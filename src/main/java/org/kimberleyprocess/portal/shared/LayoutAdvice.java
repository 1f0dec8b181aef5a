package org.kimberleyprocess.portal.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice
class LayoutAdvice {

	/** The path of the page being shown, so the language switch can link back to it. */
	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (original instanceof String path) ? path : request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/** The request's identifier, which the error pages give as a reference to quote. */
	@ModelAttribute("requestId")
	String requestId(HttpServletRequest request) {
		return (request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id) ? id : null;
	}

}
