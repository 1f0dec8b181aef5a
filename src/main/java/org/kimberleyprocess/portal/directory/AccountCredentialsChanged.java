package org.kimberleyprocess.portal.directory;

/**
 * Announced when what proves an account's identity changes or the account stops: the holder
 * changed the password, or an administrator reset it or deactivated the account. Whoever holds
 * a session of that account elsewhere must sign in again; the security module ends those
 * sessions at once.
 */
public record AccountCredentialsChanged(long accountId, String username) {
}
