package org.kimberleyprocess.portal.statistics;

/** A figure of a return: the period's production, or imports from or exports to one partner. */
public enum Flow {

	PRODUCTION, IMPORT, EXPORT;

	public ReturnKind kind() {
		return this == PRODUCTION ? ReturnKind.PRODUCTION : ReturnKind.TRADE;
	}

}
