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

	/**
	 * The roles a person may give the members of their own organisation, on its members' page: a
	 * head of delegation those of alternate and delegate, an Observer's representative the
	 * representative's own. Nobody else manages members there (administrators have their pages).
	 */
	public Set<Role> grantableMemberRoles(PortalUser user) {
		if (user != null && user.organisationKind() == OrganisationKind.PARTICIPANT
				&& user.has(Role.HEAD_OF_DELEGATION)) {
			return EnumSet.of(Role.ALTERNATE, Role.DELEGATE);
		}
		if (user != null && user.organisationKind() == OrganisationKind.OBSERVER
				&& user.has(Role.OBSERVER_REPRESENTATIVE)) {
			return EnumSet.of(Role.OBSERVER_REPRESENTATIVE);
		}
		return EnumSet.noneOf(Role.class);
	}

	/** Whether the person manages members at all: for the link to their organisation's members' page. */
	public boolean managesMembers(PortalUser user) {
		return !grantableMemberRoles(user).isEmpty();
	}

	/** The members' page of an organisation: its own head of delegation or Observer's representative. */
	public boolean canManageMembers(PortalUser user, Organisation organisation) {
		return user != null && user.organisationId() == organisation.getId() && managesMembers(user);
	}

	/**
	 * Whether the person may invite, suspend, reinstate, remove or change the role of this member of
	 * their organisation: not themselves, and only someone whose every role is one they may give
	 * (so a head of delegation touches no other head, nor the Chair's office or a group's chair).
	 */
	public boolean canManageMember(PortalUser user, Account member) {
		if (user == null || member.getOrganisation().getId() != user.organisationId() || member.getId() == user.id()) {
			return false;
		}
		Set<Role> roles = member.getRoles();
		return !roles.isEmpty() && grantableMemberRoles(user).containsAll(roles);
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
