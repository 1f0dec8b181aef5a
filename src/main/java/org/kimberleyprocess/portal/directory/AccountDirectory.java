package org.kimberleyprocess.portal.directory;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/** What sign-in needs from the directory. */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	AccountDirectory(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/**
	 * Changes the person's own password, after checking the current one. The person's other
	 * sessions end: one opened with the old password stays open no longer.
	 */
	@Transactional
	public void changePassword(PortalUser user, String currentPassword, String newPassword) {
		Account account = this.accounts.findById(user.id()).orElseThrow(NotFoundException::new);
		if (!this.passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new InvalidInputException("currentPassword", "password.current.wrong");
		}
		if (newPassword.equalsIgnoreCase(account.getUsername()) || this.passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw new InvalidInputException("newPassword", "password.new.weak");
		}
		account.changePassword(this.passwordEncoder.encode(newPassword), false);
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
	}

	public Optional<PortalUser> findForSignIn(String username) {
		return this.accounts.findForSignIn(normalise(username)).map(PortalUser::new);
	}

	public Optional<PortalUser> reload(long accountId) {
		return this.accounts.findWithRolesById(accountId).map(PortalUser::new);
	}

	/** The active ones of these people, as they would be signed in, in one query. */
	public java.util.List<PortalUser> reloadActive(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return java.util.List.of();
		}
		return this.accounts.findActiveWithRolesByIds(accountIds).stream().map(PortalUser::new).toList();
	}

	public static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	public enum SessionCheck {

		CURRENT, STALE, PASSWORD_CHANGE_REQUIRED, ENDED

	}

}
