package org.kimberleyprocess.portal.documents;

public enum Confidentiality {

	/** Anyone, signed in or not. */
	PUBLIC,
	/** Participants, Observers and the Chair's office. */
	PLENARY,
	/** Participants and the Chair's office. */
	PARTICIPANTS,
	/** The members of the owning working group. */
	WORKING_GROUP,
	/** The Chair's office alone. */
	CHAIRS_OFFICE

}
