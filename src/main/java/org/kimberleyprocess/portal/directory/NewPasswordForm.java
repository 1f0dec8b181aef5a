package org.kimberleyprocess.portal.directory;

import jakarta.validation.constraints.NotBlank;

/**
 * A password chosen through a link (an invitation, a reset): the link's token, sent back as it
 * was shown, and the password twice. The rule for the password itself is {@link PasswordPolicy}'s,
 * applied by {@link AccountDirectory#choosePassword}, the same for every password.
 */
class NewPasswordForm {

	private String token;

	@NotBlank
	private String newPassword;

	@NotBlank
	private String confirmation;

	boolean confirmed() {
		return this.newPassword == null || this.newPassword.equals(this.confirmation);
	}

	/** Passwords are never shown again, not even on the form sent back with a problem. */
	void forgetPasswords() {
		this.newPassword = null;
		this.confirmation = null;
	}

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
