package org.kimberleyprocess.portal.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Inviting a new member to one's own organisation: who they are, and their role there. */
class InvitationForm {

	@NotBlank
	@Size(max = 200)
	private String fullName;

	@NotBlank
	@Email
	@Size(max = 254)
	private String email;

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}")
	private String username;

	@NotNull
	private Role role;

	@NotBlank
	@Pattern(regexp = "en|fr")
	private String preferredLanguage = "en";

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

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public void setPreferredLanguage(String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

}
