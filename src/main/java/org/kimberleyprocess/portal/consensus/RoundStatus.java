package org.kimberleyprocess.portal.consensus;

public enum RoundStatus {

	OPEN, CLOSED, WITHDRAWN

}
