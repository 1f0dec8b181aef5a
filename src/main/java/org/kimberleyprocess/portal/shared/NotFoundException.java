package org.kimberleyprocess.portal.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An object that does not exist, or that the reader may not see: both answer 404, so that a
 * forbidden object cannot be told apart from a missing one.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super("Not found");
	}

}
