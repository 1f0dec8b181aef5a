package org.kimberleyprocess.portal.directory;

import jakarta.validation.constraints.NotBlank;

/** The own-password change; the new password's rule is {@link PasswordPolicy}'s, applied by the service. */
class PasswordForm {

	@NotBlank
	private String currentPassword;

	@NotBlank
	private String newPassword;

	@NotBlank
	private String confirmation;

	boolean confirmed() {
		return this.newPassword == null || this.newPassword.equals(this.confirmation);
	}

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
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
