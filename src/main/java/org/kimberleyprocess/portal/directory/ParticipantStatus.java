package org.kimberleyprocess.portal.directory;

public enum ParticipantStatus {

	APPLICANT, ACTIVE, SUSPENDED, SELF_SUSPENDED;

	/** Only active Participants take part in decisions. */
	public boolean takesDecisions() {
		return this == ACTIVE;
	}

}
