package org.kimberleyprocess.portal.documents;

public enum DocumentStatus {

	/** Seen by its editors only. */
	DRAFT,
	/** Open for reading and comments according to its confidentiality. */
	CIRCULATED,
	/** The text is frozen while consensus is sought on one version. */
	UNDER_CONSENSUS, ADOPTED, NOT_ADOPTED, WITHDRAWN;

	public boolean isRevisable() {
		return this == DRAFT || this == CIRCULATED || this == NOT_ADOPTED;
	}

}
