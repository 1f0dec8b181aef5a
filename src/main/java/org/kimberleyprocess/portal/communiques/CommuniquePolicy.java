package org.kimberleyprocess.portal.communiques;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may read and publish communiqués: the one place these rules live. A published communiqué,
 * each of its revisions, its PDF and the feed are public: publishing is what makes them so, and
 * only an adopted text is published. The Chair's office, within its term, publishes and issues
 * corrigenda; the texts awaiting publication are listed for it alone.
 */
@Component("communiquePolicy")
public class CommuniquePolicy {

	public boolean mayPublish(Reader reader) {
		return reader.chairsOffice();
	}

	void requirePublisher(Reader reader) {
		if (!mayPublish(reader)) {
			throw new AccessDeniedException("Communiqués are published by the Chair's office");
		}
	}

}
