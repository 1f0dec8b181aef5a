package org.kimberleyprocess.portal.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.AccountMail;
import org.kimberleyprocess.portal.directory.Role;

/**
 * The invitations and password-reset links the directory sends, written in the recipient's
 * language (HTML and plain text) and queued with the other email. They are queued whether or not
 * notifications go by email: their link is the only way into the account.
 */
@Component
class AccountEmails implements AccountMail {

	private final MailComposer composer;

	private final MessageSource messages;

	AccountEmails(MailComposer composer, MessageSource messages) {
		this.composer = composer;
		this.messages = messages;
	}

	@Override
	public void sendInvitation(Invitation invitation) {
		Locale locale = locale(invitation.language());
		Context context = new Context(locale);
		context.setVariable("name", invitation.fullName());
		context.setVariable("username", invitation.username());
		context.setVariable("invitedBy", invitation.invitedBy());
		context.setVariable("invitedByOrganisation", invitation.invitedByOrganisation().in(locale));
		context.setVariable("organisation", invitation.organisation().in(locale));
		context.setVariable("roles", roles(invitation.roles(), locale));
		context.setVariable("link", invitation.link());
		context.setVariable("expires", utc(invitation.expiresAt(), locale));
		this.composer.queueAccountEmail(invitation.accountId(), invitation.email(), invitation.language(),
				AccountEmailPurpose.INVITATION,
				this.messages.getMessage("mail.invitation.subject", new Object[] { invitation.organisation().in(locale) },
						locale),
				"mail/invitation", context);
	}

	@Override
	public void sendPasswordReset(PasswordReset reset) {
		Locale locale = locale(reset.language());
		Context context = new Context(locale);
		context.setVariable("name", reset.fullName());
		context.setVariable("username", reset.username());
		context.setVariable("byAdministrator", reset.byAdministrator());
		context.setVariable("link", reset.link());
		context.setVariable("expires", utc(reset.expiresAt(), locale));
		this.composer.queueAccountEmail(reset.accountId(), reset.email(), reset.language(),
				AccountEmailPurpose.PASSWORD_RESET,
				this.messages.getMessage("mail.reset.subject", null, locale), "mail/password-reset", context);
	}

	private String roles(Set<Role> roles, Locale locale) {
		return roles.stream()
			.map((role) -> this.messages.getMessage("role." + role.name(), null, locale))
			.collect(Collectors.joining(", "));
	}

	private static String utc(Instant instant, Locale locale) {
		return org.kimberleyprocess.portal.shared.Dates.utc(instant, locale);
	}

	private static Locale locale(String language) {
		return "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
	}

}
