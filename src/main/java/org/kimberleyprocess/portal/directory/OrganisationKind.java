package org.kimberleyprocess.portal.directory;

public enum OrganisationKind {

	/** A state or regional economic integration organisation; only Participants decide. */
	PARTICIPANT,
	/** Industry and civil society: take part in every meeting, never decide. */
	OBSERVER,
	/** Invited by the Chair, e.g. for one Plenary. */
	GUEST,
	/** The Chair's office support and the portal's administration. */
	SECRETARIAT

}
