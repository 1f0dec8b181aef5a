package org.kimberleyprocess.portal.documents;

import org.kimberleyprocess.portal.shared.Localized;

/** Who acts, as the record keeps them. */
record Author(long accountId, String name, Localized organisation, String organisationKind) {
}
