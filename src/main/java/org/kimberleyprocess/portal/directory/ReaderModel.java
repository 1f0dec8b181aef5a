package org.kimberleyprocess.portal.directory;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's model holds the request's {@link Reader}, so templates ask the module's policy
 * (for example {@code ${@chairsPolicy.seesCandidacies(reader)}}) whether a link's page would
 * open, instead of guessing from roles.
 */
@ControllerAdvice
class ReaderModel {

	private final Readers readers;

	ReaderModel(Readers readers) {
		this.readers = readers;
	}

	@ModelAttribute("reader")
	Reader reader() {
		return this.readers.current();
	}

}
