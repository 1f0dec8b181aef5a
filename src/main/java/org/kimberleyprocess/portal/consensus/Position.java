package org.kimberleyprocess.portal.consensus;

public enum Position {

	/** Concurs. */
	JOIN,
	/** Stands aside; does not block. */
	ABSTAIN,
	/** Blocks consensus; a written reason is required. */
	OBJECT

}
