package org.kimberleyprocess.portal.directory;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.kimberleyprocess.portal.shared.Localized;

/**
 * The signed-in person as the rest of the portal sees them: who they are, for which
 * organisation they act, and in which roles. Kept in the session; refreshed when the account's
 * security stamp changes.
 */
public final class PortalUser
		implements UserDetails, CredentialsContainer, Serializable, org.kimberleyprocess.portal.shared.AuditIdentity {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private String passwordHash;

	private final String fullName;

	private final long organisationId;

	private final String organisationCode;

	private final Localized organisationName;

	private final OrganisationKind organisationKind;

	private final Set<Role> roles;

	private final boolean active;

	private final long securityStamp;

	private final long credentialsStamp;

	private final boolean secondFactorEnrolled;

	PortalUser(Account account, boolean secondFactorEnrolled) {
		this.id = account.getId();
		this.username = account.getUsername();
		this.passwordHash = account.getPasswordHash();
		this.fullName = account.getFullName();
		Organisation organisation = account.getOrganisation();
		this.organisationId = organisation.getId();
		this.organisationCode = organisation.getCode();
		this.organisationName = organisation.getName();
		this.organisationKind = organisation.getKind();
		this.roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles());
		this.active = account.isActive();
		this.securityStamp = account.getSecurityStamp();
		this.credentialsStamp = account.getCredentialsStamp();
		this.secondFactorEnrolled = secondFactorEnrolled;
	}

	private PortalUser(PortalUser user, Set<Role> roles) {
		this.id = user.id;
		this.username = user.username;
		this.passwordHash = null;
		this.fullName = user.fullName;
		this.organisationId = user.organisationId;
		this.organisationCode = user.organisationCode;
		this.organisationName = user.organisationName;
		this.organisationKind = user.organisationKind;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.active = user.active;
		this.securityStamp = user.securityStamp;
		this.credentialsStamp = user.credentialsStamp;
		this.secondFactorEnrolled = user.secondFactorEnrolled;
	}

	@Override
	public String auditName() {
		return fullName() + " (" + getUsername() + ")";
	}

	@Override
	public String auditOrganisation() {
		return organisationName(Locale.ENGLISH);
	}

	/** The same person with the roles they hold now, as {@link Readers} decides from office terms. */
	public PortalUser withRoles(Set<Role> rolesNow) {
		return rolesNow.equals(this.roles) ? this : new PortalUser(this, rolesNow);
	}

	public long id() {
		return this.id;
	}

	public String fullName() {
		return this.fullName;
	}

	public long organisationId() {
		return this.organisationId;
	}

	public String organisationCode() {
		return this.organisationCode;
	}

	public String organisationName(Locale locale) {
		return this.organisationName.in(locale);
	}

	public Localized organisationNames() {
		return this.organisationName;
	}

	public OrganisationKind organisationKind() {
		return this.organisationKind;
	}

	public Set<Role> roles() {
		return this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
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

	public boolean secondFactorEnrolled() {
		return this.secondFactorEnrolled;
	}

	/**
	 * Whether this person's sign-in needs the second factor: always once they have enrolled one,
	 * and whenever they hold a role that requires it, office terms included.
	 */
	public boolean needsSecondFactor() {
		return this.secondFactorEnrolled || this.roles.stream().anyMatch(Role::requiresSecondFactor);
	}

	public long securityStamp() {
		return this.securityStamp;
	}

	/** The account's credentials stamp when this sign-in was made: a session outlives no reset. */
	public long credentialsStamp() {
		return this.credentialsStamp;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PortalUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "PortalUser[" + this.username + "]";
	}

}
