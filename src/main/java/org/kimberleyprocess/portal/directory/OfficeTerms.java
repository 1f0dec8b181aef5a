package org.kimberleyprocess.portal.directory;

import java.util.Optional;

/**
 * Which Participant holds the Chair in a year, as the chair rotation says. The directory asks
 * it to build each {@link Reader}; the chairs module answers it.
 */
public interface OfficeTerms {

	/** The chairing Participant of the year, or empty where the rotation has no row for it. */
	Optional<Long> chairOf(int year);

}
