package org.kimberleyprocess.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;

import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.PortalUser;

/**
 * After a successful sign-in with a hash made by an older algorithm (the demo's and older
 * accounts' bcrypt), stores a hash made by the current one from the password just checked: the
 * only moment the portal holds it. A failure to store it does not fail the sign-in; the next
 * sign-in tries again.
 */
class PasswordHashUpgrade implements UserDetailsPasswordService {

	private static final Logger log = LoggerFactory.getLogger(PasswordHashUpgrade.class);

	private final AccountDirectory accounts;

	PasswordHashUpgrade(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newHash) {
		if (!(user instanceof PortalUser portalUser)) {
			return user;
		}
		try {
			return this.accounts.upgradePasswordHash(portalUser, newHash);
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the new password hash of {}; it stays as it was", portalUser.getUsername(), ex);
			return user;
		}
	}

}
