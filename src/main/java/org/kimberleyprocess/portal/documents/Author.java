package org.kimberleyprocess.portal.documents;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Localized;


/** Who acts, as the record keeps them. */
record Author(long accountId, String name, Localized organisation, String organisationKind) {

	static Author of(Reader reader) {
		return new Author(reader.accountId(), reader.name(), reader.organisationName(), reader.organisationKind().name());
	}

}
