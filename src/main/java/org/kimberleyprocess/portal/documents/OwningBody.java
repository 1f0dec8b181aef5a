package org.kimberleyprocess.portal.documents;

public enum OwningBody {

	PLENARY, INTERSESSIONAL, WORKING_GROUP,
	/** A Participant's own text, such as its annual report: only its delegation revises it. */
	PARTICIPANT

}
