package org.kimberleyprocess.portal.directory;

import java.util.EnumSet;
import java.util.Set;

/** What a person may do, each role fitting some kinds of organisation only. */
public enum Role {

	/** Speaks and records positions for a Participant. */
	HEAD_OF_DELEGATION(EnumSet.of(OrganisationKind.PARTICIPANT)),
	/** May act for the delegation in the head's place. */
	ALTERNATE(EnumSet.of(OrganisationKind.PARTICIPANT)),
	DELEGATE(EnumSet.of(OrganisationKind.PARTICIPANT)),
	OBSERVER_REPRESENTATIVE(EnumSet.of(OrganisationKind.OBSERVER)),
	GUEST(EnumSet.of(OrganisationKind.GUEST)),
	/** Staff of the chairing Participant's office, or of the secretariat supporting it. */
	CHAIRS_OFFICE(EnumSet.of(OrganisationKind.PARTICIPANT, OrganisationKind.SECRETARIAT)),
	WORKING_GROUP_CHAIR(EnumSet.of(OrganisationKind.PARTICIPANT)),
	SYSTEM_ADMINISTRATOR(EnumSet.allOf(OrganisationKind.class));

	private final Set<OrganisationKind> organisationKinds;

	Role(Set<OrganisationKind> organisationKinds) {
		this.organisationKinds = organisationKinds;
	}

	/**
	 * Whether holding this role needs a second factor: the roles that act for a government or in
	 * the Kimberley Process's name, and those that manage other people's accounts.
	 */
	public boolean requiresSecondFactor() {
		return this == HEAD_OF_DELEGATION || this == ALTERNATE || this == CHAIRS_OFFICE
				|| this == WORKING_GROUP_CHAIR || this == SYSTEM_ADMINISTRATOR;
	}

	public boolean fits(OrganisationKind kind) {
		return this.organisationKinds.contains(kind);
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
