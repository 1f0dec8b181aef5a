package org.kimberleyprocess.portal.directory;

import java.security.SecureRandom;
import java.util.HexFormat;
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

	private final PasswordPolicy passwordPolicy;

	private final SecondFactorRepository secondFactors;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	AccountDirectory(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			SecondFactorRepository secondFactors, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.secondFactors = secondFactors;
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
		choosePassword(account, newPassword);
	}

	/**
	 * The one way a password is chosen: changing one's own, accepting an invitation, or through a
	 * reset link. The same rule holds for each ({@link PasswordPolicy}); the password is then
	 * encoded and stored, and the account's other sessions end.
	 */
	@Transactional
	void choosePassword(Account account, String newPassword) {
		this.passwordPolicy.check("newPassword", newPassword, account.getUsername());
		if (this.passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw new InvalidInputException("newPassword", "password.new.unchanged");
		}
		account.changePassword(this.passwordEncoder.encode(newPassword), false);
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
	}

	/**
	 * Replaces a hash made with an older algorithm by one made with the current algorithm, from
	 * the password just checked at sign-in. The password itself is unchanged, so the person's
	 * other sessions go on.
	 */
	@Transactional
	public PortalUser upgradePasswordHash(PortalUser user, String newHash) {
		Account account = this.accounts.findWithRolesById(user.id()).orElseThrow(NotFoundException::new);
		account.rehashPassword(newHash);
		return signedIn(account);
	}

	/** The password of an account nobody may sign in to yet: the hash of a secret nobody is told. */
	String unusablePasswordHash() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return this.passwordEncoder.encode(HexFormat.of().formatHex(secret));
	}

	public Optional<PortalUser> findForSignIn(String username) {
		return this.accounts.findForSignIn(normalise(username)).map(this::signedIn);
	}

	public Optional<PortalUser> reload(long accountId) {
		return this.accounts.findWithRolesById(accountId).map(this::signedIn);
	}

	/** The active ones of these people, as they would be signed in, in one query. */
	public java.util.List<PortalUser> reloadActive(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return java.util.List.of();
		}
		// Readers for background work: whether they have a second factor changes nothing they read.
		return this.accounts.findActiveWithRolesByIds(accountIds)
			.stream()
			.map((account) -> new PortalUser(account, false))
			.toList();
	}

	private PortalUser signedIn(Account account) {
		return new PortalUser(account, this.secondFactors.existsById(account.getId()));
	}

	public static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	public enum SessionCheck {

		CURRENT, STALE, PASSWORD_CHANGE_REQUIRED, ENDED

	}

}
