package org.kimberleyprocess.portal.directory;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the administration form for a person's account binds. */
class AccountForm {

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}")
	private String username;

	@NotBlank
	@Size(max = 200)
	private String fullName;

	@NotBlank
	@Email
	@Size(max = 254)
	private String email;

	@NotNull
	private Long organisationId;

	@NotEmpty
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@NotBlank
	@Pattern(regexp = "en|fr")
	private String preferredLanguage = "en";

	private long version;

	static AccountForm of(Account account) {
		AccountForm form = new AccountForm();
		form.username = account.getUsername();
		form.fullName = account.getFullName();
		form.email = account.getEmail();
		form.organisationId = account.getOrganisation().getId();
		form.roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles());
		form.preferredLanguage = account.getPreferredLanguage();
		form.version = account.getVersion();
		return form;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public void setOrganisationId(Long organisationId) {
		this.organisationId = organisationId;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles == null) ? EnumSet.noneOf(Role.class) : roles;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public void setPreferredLanguage(String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
