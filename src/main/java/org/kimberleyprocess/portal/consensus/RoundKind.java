package org.kimberleyprocess.portal.consensus;

public enum RoundKind {

	/** Consensus sought in the room; the Chair closes the round. */
	MEETING,
	/** Circulated in writing with a deadline; silence by the deadline is assent. */
	WRITTEN

}
