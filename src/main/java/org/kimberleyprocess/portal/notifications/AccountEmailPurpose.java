package org.kimberleyprocess.portal.notifications;

/**
 * What an email that opens or recovers an account is for, kept with it in the queue: such an email
 * goes to someone who is not (yet) a reader, so the mailer sends it without the reader check.
 */
enum AccountEmailPurpose {

	INVITATION, PASSWORD_RESET

}
