package org.kimberleyprocess.portal.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers for requests a user can type or tamper with, so none of them ends in a 500.
 */
@ControllerAdvice
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	/** An identifier that is not even well-formed names no object: 404, like any unknown one. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String malformedIdentifier() {
		return "error/404";
	}

	/** Somebody else saved the same object in between: say so rather than overwrite. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String concurrentChange(OptimisticLockingFailureException ex) {
		log.info("Refused a stale update: {}", ex.getMessage());
		return "error/409";
	}

}
