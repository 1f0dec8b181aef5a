package org.kimberleyprocess.portal.directory;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.kimberleyprocess.portal.shared.Localized;

/**
 * The person acting, as every access rule of the portal sees them: their account, the
 * organisation they act for with its kind and Participant status, the roles they hold now (the
 * Chair's office only within its term, a group's chair only within the chair's term), and the
 * working groups their organisation belongs to or they chair. Built by {@link Readers} alone, in
 * the same way for a request and for background work.
 */
public record Reader(long accountId, String name, String username, long organisationId, Localized organisationName,
		OrganisationKind organisationKind, ParticipantStatus participantStatus, Set<Role> roles,
		Set<Long> memberGroups, Set<Long> chairedGroups) {

	private static final Reader ANONYMOUS = new Reader(0, "", "", 0, new Localized("", ""), null, null,
			EnumSet.noneOf(Role.class), Set.of(), Set.of());

	public Reader {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
		memberGroups = Set.copyOf(memberGroups);
		chairedGroups = Set.copyOf(chairedGroups);
	}

	public static Reader anonymous() {
		return ANONYMOUS;
	}

	/**
	 * The class of reader that confidentiality rules name, as a query parameter: {@code PARTICIPANT}
	 * (active, suspended or self-suspended), {@code APPLICANT}, {@code OBSERVER},
	 * {@code SECRETARIAT}, {@code GUEST} or {@code ANONYMOUS}.
	 */
	public String audience() {
		if (!isSignedIn()) {
			return "ANONYMOUS";
		}
		if (isApplicant()) {
			return "APPLICANT";
		}
		return this.organisationKind.name();
	}

	public boolean isSignedIn() {
		return this.organisationKind != null;
	}

	public boolean isGuest() {
		return this.organisationKind == OrganisationKind.GUEST;
	}

	public boolean isObserver() {
		return this.organisationKind == OrganisationKind.OBSERVER;
	}

	/** A Participant's applicant is not yet a Participant: it reads only what is public or shared with it. */
	public boolean isApplicant() {
		return this.organisationKind == OrganisationKind.PARTICIPANT
				&& this.participantStatus == ParticipantStatus.APPLICANT;
	}

	/** A member of the scheme: an active, suspended or self-suspended Participant. */
	public boolean isParticipant() {
		return this.organisationKind == OrganisationKind.PARTICIPANT && !isApplicant();
	}

	/** Only active Participants take part in decisions. */
	public boolean takesDecisions() {
		return this.organisationKind == OrganisationKind.PARTICIPANT && this.participantStatus != null
				&& this.participantStatus.takesDecisions();
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		for (Role role : candidates) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Holding the Chair's office rights now: within its term. */
	public boolean chairsOffice() {
		return has(Role.CHAIRS_OFFICE);
	}

	public boolean isAdministrator() {
		return has(Role.SYSTEM_ADMINISTRATOR);
	}

	/** A member of a Participant's delegation (head, alternate or delegate). */
	public boolean delegationMember() {
		return this.organisationKind == OrganisationKind.PARTICIPANT
				&& hasAny(Role.HEAD_OF_DELEGATION, Role.ALTERNATE, Role.DELEGATE);
	}

	/** Speaks for a delegation: its head or alternate. */
	public boolean actsForDelegation() {
		return this.organisationKind == OrganisationKind.PARTICIPANT && hasAny(Role.HEAD_OF_DELEGATION, Role.ALTERNATE);
	}

	/** Represents an Observer organisation. */
	public boolean representsObserver() {
		return isObserver() && has(Role.OBSERVER_REPRESENTATIVE);
	}

	public boolean chairs(long groupId) {
		return this.chairedGroups.contains(groupId);
	}

	public boolean chairsAnyGroup() {
		return !this.chairedGroups.isEmpty();
	}

	public boolean belongsTo(long groupId) {
		return this.memberGroups.contains(groupId);
	}

	public String organisationName(Locale locale) {
		return this.organisationName.in(locale);
	}

}
