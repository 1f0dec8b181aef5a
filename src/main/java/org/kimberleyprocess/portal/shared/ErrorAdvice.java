package org.kimberleyprocess.portal.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers for requests a user can type or tamper with, so none of them ends in a 500.
 */
@ControllerAdvice
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private final NearestPage pages;

	ErrorAdvice(NearestPage pages) {
		this.pages = pages;
	}

	/**
	 * A form's address opened again (reloaded from the history, bookmarked) after the form was
	 * shown there with its problems: it takes only a POST, so the reader is sent to the page it
	 * belongs to rather than to an error page. Other methods get 405 as usual.
	 */
	@ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
	void postOnlyAddress(org.springframework.web.HttpRequestMethodNotSupportedException ex,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", request.getContextPath() + this.pages.above(path));
			return;
		}
		if (ex.getSupportedHttpMethods() != null) {
			response.setHeader("Allow", String.join(", ",
					ex.getSupportedHttpMethods().stream().map(Object::toString).toList()));
		}
		response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
	}

	/** An identifier that is not even well-formed names no object: 404, like any unknown one. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void malformedIdentifier(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	/**
	 * A tampered form: a row index far beyond any the form offers (rows[4000]), past the binder's
	 * limit on growing a list. A bad request, not a failure.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	void tamperedForm(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** Somebody else saved the same object in between: say so rather than overwrite. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	void concurrentChange(OptimisticLockingFailureException ex, HttpServletResponse response) throws IOException {
		log.info("Refused a stale update: {}", ex.getMessage());
		response.sendError(HttpStatus.CONFLICT.value());
	}

}
