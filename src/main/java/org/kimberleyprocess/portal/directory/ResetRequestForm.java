package org.kimberleyprocess.portal.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asking for a link to choose a new password: the account's username or email address. */
class ResetRequestForm {

	@NotBlank
	@Size(max = 254)
	private String usernameOrEmail;

	public String getUsernameOrEmail() {
		return this.usernameOrEmail;
	}

	public void setUsernameOrEmail(String usernameOrEmail) {
		this.usernameOrEmail = usernameOrEmail;
	}

}
