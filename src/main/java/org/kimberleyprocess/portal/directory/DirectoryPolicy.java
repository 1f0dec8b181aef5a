package org.kimberleyprocess.portal.directory;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Who may see and manage organisations and accounts: the one place these rules live. */
@Component("directoryPolicy")
public class DirectoryPolicy {

	/** The administration pages: the Chair's office and system administrators. */
	public boolean canAdminister(PortalUser user) {
		return user != null && user.hasAny(Role.SYSTEM_ADMINISTRATOR, Role.CHAIRS_OFFICE);
	}

	/**
	 * Every signed-in person sees Participants, Observers and the secretariat; a guest
	 * organisation is seen only by its own people and by those who administer the portal.
	 */
	public boolean canSee(PortalUser user, Organisation organisation) {
		if (user == null) {
			return false;
		}
		if (organisation.getKind() != OrganisationKind.GUEST) {
			return true;
		}
		return user.organisationId() == organisation.getId() || canAdminister(user);
	}

	/** The Chair's office manages every account but those of system administrators. */
	public boolean canManage(PortalUser user, Account account) {
		if (user == null) {
			return false;
		}
		if (user.has(Role.SYSTEM_ADMINISTRATOR)) {
			return true;
		}
		return user.has(Role.CHAIRS_OFFICE) && !account.hasRole(Role.SYSTEM_ADMINISTRATOR);
	}

	/**
	 * Asking to join a working group: a Participant's head or alternate (applicants are not yet
	 * Participants), or an Observer's representative.
	 */
	public boolean mayRequestMembership(Reader reader) {
		return (reader.isParticipant() && reader.actsForDelegation()) || reader.representsObserver();
	}

	/** Administrators' own accounts are seen and changed by administrators alone. */
	public boolean seesAdministrators(PortalUser user) {
		return user != null && user.has(Role.SYSTEM_ADMINISTRATOR);
	}

	public Set<Role> grantableRoles(PortalUser user) {
		if (user != null && user.has(Role.SYSTEM_ADMINISTRATOR)) {
			return EnumSet.allOf(Role.class);
		}
		if (user != null && user.has(Role.CHAIRS_OFFICE)) {
			return EnumSet.complementOf(EnumSet.of(Role.SYSTEM_ADMINISTRATOR));
		}
		return EnumSet.noneOf(Role.class);
	}

}
