package org.kimberleyprocess.portal.directory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs in: one organisation, one or more roles. An invited account waits, inactive,
 * until its holder chooses a password through the invitation's link.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String username;

	@Column(nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private String fullName;

	@Column(nullable = false)
	private String email;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organisation_id")
	private Organisation organisation;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(nullable = false)
	private String preferredLanguage;

	private boolean active;

	private boolean passwordChangeRequired;

	/** Changes whenever what the person may do changes, so open sessions pick it up. */
	private long securityStamp;

	/**
	 * Changes when the password is reset through a link: every session opened before ends, as
	 * whoever held it may have known the old password.
	 */
	private long credentialsStamp;

	private boolean invitationPending;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "invited_by_id")
	private Account invitedBy;

	private Instant invitedAt;

	/** When the last link to reset the password was sent, so that links are not sent too often. */
	private Instant resetLinkSentAt;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String passwordHash, boolean passwordChangeRequired, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = passwordChangeRequired;
		this.createdAt = createdAt;
		this.active = true;
	}

	/**
	 * An account for someone invited: it cannot sign in, and is told of nothing, until its holder
	 * accepts the invitation. The password it gets is one nobody knows.
	 */
	static Account invited(String username, String unusablePasswordHash, Account invitedBy, Instant invitedAt) {
		Account account = new Account(username, unusablePasswordHash, false, invitedAt);
		account.active = false;
		account.invitationPending = true;
		account.invitedBy = invitedBy;
		account.invitedAt = invitedAt;
		return account;
	}

	/** Sets who the person is and what they may do, refusing a role that does not fit. */
	void assign(String fullName, String email, String preferredLanguage, Organisation organisation,
			Set<Role> roles) {
		for (Role role : roles) {
			if (!role.fits(organisation.getKind())) {
				throw new IllegalArgumentException(role + " does not fit " + organisation.getKind());
			}
		}
		boolean rightsChange = this.organisation == null || !this.organisation.getId().equals(organisation.getId())
				|| !this.roles.equals(roles);
		this.fullName = fullName;
		this.email = email;
		this.preferredLanguage = preferredLanguage;
		this.organisation = organisation;
		this.roles.clear();
		this.roles.addAll(roles);
		if (rightsChange) {
			this.securityStamp++;
		}
	}

	/** Ends the account's sessions and sign-ins; an invitation not yet accepted is withdrawn. */
	void deactivate() {
		this.active = false;
		this.invitationPending = false;
		this.securityStamp++;
	}

	void reactivate() {
		if (this.invitationPending) {
			throw new IllegalStateException("An invitation is accepted by its holder, not reactivated");
		}
		this.active = true;
		this.securityStamp++;
	}

	/** The invitation was sent again, by this person: the earlier link no longer works. */
	void invitationSent(Account by, Instant at) {
		if (!this.invitationPending) {
			throw new IllegalStateException("No invitation is pending");
		}
		this.invitedBy = by;
		this.invitedAt = at;
	}

	/** The holder chose a password through the invitation's link: the account opens. */
	void acceptInvitation() {
		if (!this.invitationPending) {
			throw new IllegalStateException("No invitation is pending");
		}
		this.invitationPending = false;
		this.active = true;
		this.securityStamp++;
	}

	/**
	 * Gives the account these roles within its organisation, refusing one that does not fit; what
	 * the person may do changes in their open sessions at once.
	 */
	void changeRoles(Set<Role> roles) {
		for (Role role : roles) {
			if (!role.fits(this.organisation.getKind())) {
				throw new IllegalArgumentException(role + " does not fit " + this.organisation.getKind());
			}
		}
		if (!this.roles.equals(roles)) {
			this.roles.clear();
			this.roles.addAll(roles);
			this.securityStamp++;
		}
	}

	/**
	 * The person leaves the organisation's membership: no role, no sign-in. The account stays, as
	 * what the person wrote and recorded names it.
	 */
	void leave() {
		this.roles.clear();
		deactivate();
	}

	void resetLinkSent(Instant at) {
		this.resetLinkSentAt = at;
	}

	/** The password was reset through a link: every session opened before it ends. */
	void credentialsReset() {
		this.credentialsStamp++;
	}

	/** The second factor was enrolled or removed: open sessions pick up what it now needs. */
	void secondFactorChanged() {
		this.securityStamp++;
	}

	void changePassword(String passwordHash, boolean changeRequired) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = changeRequired;
		this.securityStamp++;
	}

	/** The same password, hashed anew with the current algorithm: no session needs to end. */
	void rehashPassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getFullName() {
		return this.fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public Organisation getOrganisation() {
		return this.organisation;
	}

	public Set<Role> getRoles() {
		return this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public long getSecurityStamp() {
		return this.securityStamp;
	}

	public long getCredentialsStamp() {
		return this.credentialsStamp;
	}

	public boolean isInvitationPending() {
		return this.invitationPending;
	}

	/** Who sent the invitation (last), if the account was made by one. */
	public Account getInvitedBy() {
		return this.invitedBy;
	}

	public Instant getInvitedAt() {
		return this.invitedAt;
	}

	public Instant getResetLinkSentAt() {
		return this.resetLinkSentAt;
	}

	/** Invited (waiting for its holder), active, or suspended (deactivated). */
	public AccountState getState() {
		return this.invitationPending ? AccountState.INVITED
				: this.active ? AccountState.ACTIVE : AccountState.SUSPENDED;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

}
