package org.kimberleyprocess.portal.directory;

import java.util.Locale;
import java.util.Set;

import org.kimberleyprocess.portal.shared.Localized;

/** A person as lists show them, read inside the transaction so pages load nothing lazily. */
public record PersonView(long id, String username, String fullName, Localized organisation, Set<Role> roles,
		boolean active, AccountState state) {

	static PersonView of(Account account) {
		return new PersonView(account.getId(), account.getUsername(), account.getFullName(),
				account.getOrganisation().getName(), account.getRoles(), account.isActive(), account.getState());
	}

	public String organisationName(Locale locale) {
		return this.organisation.in(locale);
	}

}
