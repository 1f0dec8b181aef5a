package org.kimberleyprocess.portal.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.Invitations.UnusableLink;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Found;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Purpose;
import org.kimberleyprocess.portal.directory.OneTimeLinks.Status;

/**
 * A forgotten password: a link, emailed to the account's address, to choose a new one. Asking
 * answers the same whether or not an account matches, and as fast: the request is only recorded,
 * and looked at after the answer has gone. A link is sent to an account once in a while at most,
 * so the form cannot flood a mailbox. Choosing the new password ends every session of the account
 * and never signs anyone in; the second factor is still asked for at the next sign-in.
 */
@Service
@Transactional
class PasswordResets {

	static final String PAGE = "/password-reset/";

	/** How many accounts one address may name; more would be a list to send links to. */
	private static final int MAX_ACCOUNTS = 5;

	private final AccountRepository accounts;

	private final AccountDirectory directory;

	private final OneTimeLinks links;

	private final AccountMail mail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration validity;

	private final Duration interval;

	PasswordResets(AccountRepository accounts, AccountDirectory directory, OneTimeLinks links, AccountMail mail,
			ApplicationEventPublisher events, Clock clock,
			@Value("${portal.password-reset.validity}") Duration validity,
			@Value("${portal.password-reset.min-interval}") Duration interval) {
		this.accounts = accounts;
		this.directory = directory;
		this.links = links;
		this.mail = mail;
		this.events = events;
		this.clock = clock;
		this.validity = validity;
		this.interval = interval;
	}

	/**
	 * Someone asks for a link, naming a username or an email address. Only the request is recorded
	 * here, whatever it names, so the answer takes the same time either way.
	 */
	public void request(String usernameOrEmail) {
		String typed = usernameOrEmail.strip();
		this.events.publishEvent(new ResetRequested(typed.length() > 254 ? typed.substring(0, 254) : typed));
	}

	/**
	 * After the answer has gone: a link for each active account the request names, unless one was
	 * sent to it a short while ago.
	 */
	@ApplicationModuleListener
	void requested(ResetRequested request) {
		Instant now = this.clock.instant();
		String typed = request.usernameOrEmail();
		for (Account account : this.accounts.findActiveByUsernameOrEmail(AccountDirectory.normalise(typed),
				typed.toLowerCase(Locale.ROOT), PageRequest.of(0, MAX_ACCOUNTS))) {
			Instant last = account.getResetLinkSentAt();
			if (last == null || !last.plus(this.interval).isAfter(now)) {
				send(account, false);
			}
		}
	}

	/**
	 * Emails a link to the account; the earlier links stop working. Administrators send one from
	 * the account's page, to an active account.
	 */
	void send(Account account, boolean byAdministrator) {
		Instant now = this.clock.instant();
		String token = this.links.issue(Purpose.PASSWORD_RESET, account.getUsername(), this.validity);
		account.resetLinkSent(now);
		this.mail.sendPasswordReset(new AccountMail.PasswordReset(account.getId(), account.getEmail(),
				account.getFullName(), account.getPreferredLanguage(), account.getUsername(), PAGE + token,
				now.plus(this.validity), byAdministrator));
	}

	/** What opening the link shows, writing nothing: for which account, or why it opens nothing. */
	@Transactional(readOnly = true)
	public Opened open(String token) {
		Found found = this.links.find(Purpose.PASSWORD_RESET, token);
		if (!found.valid()) {
			return new Opened(found.status(), null);
		}
		return this.accounts.findForSignIn(found.username())
			.filter(Account::isActive)
			.map((account) -> new Opened(Status.VALID, account.getUsername()))
			.orElse(new Opened(Status.UNKNOWN, null));
	}

	/**
	 * The new password, through the link: the link is used up, and every session of the account
	 * ends (whoever held one may have known the old password). A password the rules refuse leaves
	 * the link as it was.
	 */
	public String reset(String token, String newPassword) {
		Status status = this.links.find(Purpose.PASSWORD_RESET, token).status();
		String username = this.links.consume(Purpose.PASSWORD_RESET, token)
			.orElseThrow(() -> new UnusableLink(status == Status.VALID ? Status.USED : status));
		Account account = this.accounts.findForSignIn(username)
			.filter(Account::isActive)
			.orElseThrow(() -> new UnusableLink(Status.UNKNOWN));
		this.directory.choosePassword(account, newPassword);
		account.credentialsReset();
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
		return account.getUsername();
	}

	/** A link opened: valid for the account named, or expired, used or unknown. */
	public record Opened(Status status, String username) {
	}

	/** A request for a link, as typed: looked at once the answer has gone. */
	public record ResetRequested(String usernameOrEmail) {
	}

}
