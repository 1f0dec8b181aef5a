package org.kimberleyprocess.portal.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.OneTimeLinks.Found;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Purpose;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Status;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;

/**
 * Invitations: every account is made as one (by an administrator, the Chair's office, a head of
 * delegation or an Observer's representative, each under their own rules), and waits, inactive,
 * until its holder opens the emailed link and chooses a password. The link never signs anyone
 * in: the person then signs in as anyone does, second factor included.
 */
@Service
@Transactional
class Invitations {

	static final String PAGE = "/invitations/";

	private final AccountRepository accounts;

	private final AccountDirectory directory;

	private final OneTimeLinks links;

	private final AccountMail mail;

	private final Clock clock;

	private final Duration validity;

	Invitations(AccountRepository accounts, AccountDirectory directory, OneTimeLinks links, AccountMail mail,
			Clock clock, @Value("${portal.invitations.validity}") Duration validity) {
		this.accounts = accounts;
		this.directory = directory;
		this.links = links;
		this.mail = mail;
		this.clock = clock;
		this.validity = validity;
	}

	/**
	 * A new account for someone invited, not yet saved: the caller gives it its person, organisation
	 * and roles under its own rules, then {@linkplain #send sends} the invitation.
	 */
	Account newAccount(PortalUser inviter, String typedUsername) {
		String username = AccountDirectory.normalise(typedUsername);
		if (this.accounts.existsByUsername(username)) {
			throw new InvalidInputException("username", "account.username.taken");
		}
		return Account.invited(username, this.directory.unusablePasswordHash(),
				this.accounts.getReferenceById(inviter.id()), this.clock.instant());
	}

	/**
	 * Emails the invitation's link to the (saved) account; a link sent earlier to the same account
	 * stops working.
	 */
	void send(PortalUser inviter, Account account) {
		Instant now = this.clock.instant();
		account.invitationSent(this.accounts.getReferenceById(inviter.id()), now);
		String token = this.links.issue(Purpose.INVITATION, account.getUsername(), this.validity);
		this.mail.sendInvitation(new AccountMail.Invitation(account.getId(), account.getEmail(), account.getFullName(),
				account.getPreferredLanguage(), account.getUsername(), inviter.fullName(), inviter.organisationNames(),
				account.getOrganisation().getName(), account.getRoles(), PAGE + token, now.plus(this.validity)));
	}

	/** The account's invitation is withdrawn: its link stops working. */
	void withdraw(Account account) {
		this.links.revoke(Purpose.INVITATION, account.getUsername());
	}

	/**
	 * What opening the link shows, writing nothing: who invites whom, to which organisation and
	 * roles; or why the link no longer opens anything. An invitation withdrawn meanwhile is unknown.
	 */
	@Transactional(readOnly = true)
	public Opened open(String token) {
		Found found = this.links.find(Purpose.INVITATION, token);
		if (!found.valid()) {
			return new Opened(found.status(), null);
		}
		return this.accounts.findInvitation(found.username())
			.filter(Account::isInvitationPending)
			.map((account) -> new Opened(Status.VALID, InvitationView.of(account, found.expiresAt())))
			.orElse(new Opened(Status.UNKNOWN, null));
	}

	/**
	 * The invited person chooses their password: the link is used up and the account opens. A
	 * password the rules refuse leaves the link as it was. Answers the username, to sign in with.
	 */
	public String accept(String token, String newPassword) {
		Status status = this.links.find(Purpose.INVITATION, token).status();
		String username = this.links.consume(Purpose.INVITATION, token)
			.orElseThrow(() -> new UnusableLink(status == Status.VALID ? Status.USED : status));
		Account account = this.accounts.findInvitation(username)
			.filter(Account::isInvitationPending)
			.orElseThrow(() -> new UnusableLink(Status.UNKNOWN));
		this.directory.choosePassword(account, newPassword);
		account.acceptInvitation();
		return account.getUsername();
	}

	/** What the invitation's page shows. */
	public record InvitationView(String fullName, String username, String invitedBy,
			Localized invitedByOrganisation, Localized organisation, Set<Role> roles, Instant expiresAt) {

		static InvitationView of(Account account, Instant expiresAt) {
			Account inviter = account.getInvitedBy();
			return new InvitationView(account.getFullName(), account.getUsername(),
					inviter == null ? null : inviter.getFullName(),
					inviter == null ? null : inviter.getOrganisation().getName(), account.getOrganisation().getName(),
					account.getRoles(), expiresAt);
		}

	}

	/** A link opened: valid with what it shows, or expired, used or unknown. */
	public record Opened(Status status, InvitationView invitation) {
	}

	/** A link that can no longer be used, and why: the page says so and how to get a new one. */
	static class UnusableLink extends RuntimeException {

		private final Status status;

		UnusableLink(Status status) {
			super("Unusable link: " + status);
			this.status = status;
		}

		Status status() {
			return this.status;
		}

	}

}
