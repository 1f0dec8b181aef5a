package org.kimberleyprocess.portal.documents;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.PortalUser;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.shared.Localized;

/**
 * Who is reading, with what the access rules need to know about them: their organisation and
 * its kind, whether they hold the Chair's office, and the working groups they belong to or chair.
 */
public record Viewer(long accountId, String name, long organisationId, Localized organisationName, String kind,
		boolean chairsOffice, boolean delegationMember, boolean actsForDelegation, Set<Long> memberGroups,
		Set<Long> chairedGroups) {

	/** Stands for "no group" in queries, which cannot take an empty list. */
	private static final long NONE = -1L;

	static final String ANONYMOUS = "ANONYMOUS";

	public static Viewer of(PortalUser user, Set<Long> memberGroups, Set<Long> chairedGroups) {
		return new Viewer(user.id(), user.fullName(), user.organisationId(),
				new Localized(user.organisationName(Locale.ENGLISH), user.organisationName(Locale.FRENCH)),
				user.organisationKind().name(), user.has(Role.CHAIRS_OFFICE),
				user.hasAny(Role.HEAD_OF_DELEGATION, Role.ALTERNATE, Role.DELEGATE),
				user.hasAny(Role.HEAD_OF_DELEGATION, Role.ALTERNATE), withSentinel(memberGroups),
				withSentinel(chairedGroups));
	}

	public static Viewer anonymous() {
		return new Viewer(NONE, "", NONE, new Localized("", ""), ANONYMOUS, false, false, false, Set.of(NONE),
				Set.of(NONE));
	}

	private static Set<Long> withSentinel(Set<Long> groups) {
		Set<Long> copy = new HashSet<>(groups);
		copy.add(NONE);
		return Set.copyOf(copy);
	}

	public boolean isSignedIn() {
		return !ANONYMOUS.equals(this.kind);
	}

	boolean isGuest() {
		return OrganisationKind.GUEST.name().equals(this.kind);
	}

	Author asAuthor() {
		return new Author(this.accountId, this.name, this.organisationName, this.kind);
	}

}
