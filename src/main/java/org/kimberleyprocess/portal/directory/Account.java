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

/** A person who signs in: one organisation, one or more roles. */
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

	void deactivate() {
		this.active = false;
		this.securityStamp++;
	}

	void reactivate() {
		this.active = true;
		this.securityStamp++;
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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

}
