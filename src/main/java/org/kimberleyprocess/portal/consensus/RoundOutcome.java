package org.kimberleyprocess.portal.consensus;

import org.kimberleyprocess.portal.documents.DocumentStatus;

/** What a closed round decided: the text was adopted by consensus, or it was not. */
public enum RoundOutcome {

	ADOPTED(DocumentStatus.ADOPTED), NOT_ADOPTED(DocumentStatus.NOT_ADOPTED);

	private final DocumentStatus documentStatus;

	RoundOutcome(DocumentStatus documentStatus) {
		this.documentStatus = documentStatus;
	}

	/** The status the round's document takes. */
	public DocumentStatus documentStatus() {
		return this.documentStatus;
	}

	static RoundOutcome of(Tally tally) {
		return tally.adopted() ? ADOPTED : NOT_ADOPTED;
	}

}
