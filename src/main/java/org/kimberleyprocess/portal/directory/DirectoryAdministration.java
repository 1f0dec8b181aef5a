package org.kimberleyprocess.portal.directory;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The administration of organisations and accounts, for the Chair's office and administrators.
 * A new account is an invitation, and a forgotten password gets a link: no password is ever made
 * up here, shown or handed on.
 */
@Service
@Transactional
class DirectoryAdministration {

	private final OrganisationRepository organisations;

	private final CountryRepository countries;

	private final AccountRepository accounts;

	private final DirectoryPolicy policy;

	private final Invitations invitations;

	private final PasswordResets resets;

	private final ApplicationEventPublisher events;

	private final OrganisationLists lists;

	DirectoryAdministration(OrganisationRepository organisations, CountryRepository countries,
			AccountRepository accounts, DirectoryPolicy policy, Invitations invitations, PasswordResets resets,
			ApplicationEventPublisher events, OrganisationLists lists) {
		this.lists = lists;
		this.organisations = organisations;
		this.countries = countries;
		this.accounts = accounts;
		this.policy = policy;
		this.invitations = invitations;
		this.resets = resets;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Page<Organisation> organisations(PortalUser actor, OrganisationKind kind, Pageable pageable) {
		requireAdministrator(actor);
		return this.organisations.findPage(kind, pageable);
	}

	@Transactional(readOnly = true)
	public List<Organisation> allOrganisations(PortalUser actor) {
		requireAdministrator(actor);
		return this.organisations.findAllByOrderByKindAscNameEnAsc();
	}

	@Transactional(readOnly = true)
	public OrganisationForm organisationForm(PortalUser actor, long id) {
		requireAdministrator(actor);
		Organisation organisation = this.organisations.findById(id).orElseThrow(NotFoundException::new);
		String codes = this.countries.findRepresentedBy(id)
			.stream()
			.map((country) -> country.getCode().toUpperCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
		return OrganisationForm.of(organisation, codes);
	}

	public long createOrganisation(PortalUser actor, OrganisationForm form) {
		requireAdministrator(actor);
		if (this.organisations.existsByCode(form.getCode())) {
			throw new InvalidInputException("code", "organisation.code.taken");
		}
		Organisation organisation = new Organisation(form.getCode(), form.getKind(),
				new Localized(form.getNameEn().strip(), form.getNameFr().strip()), statusFor(form),
				categoryFor(form), new Localized(form.getStatusNote(), form.getStatusNoteFr()));
		this.organisations.save(organisation);
		representCountries(organisation, form.getCountries());
		this.lists.forgetAfterCommit();
		return organisation.getId();
	}

	public void updateOrganisation(PortalUser actor, long id, OrganisationForm form) {
		requireAdministrator(actor);
		Organisation organisation = this.organisations.findById(id).orElseThrow(NotFoundException::new);
		if (organisation.getVersion() != form.getVersion()) {
			throw new InvalidInputException(null, "form.stale");
		}
		form.setKind(organisation.getKind());
		organisation.rename(new Localized(form.getNameEn().strip(), form.getNameFr().strip()));
		organisation.describe(statusFor(form), categoryFor(form),
				new Localized(form.getStatusNote(), form.getStatusNoteFr()));
		representCountries(organisation, form.getCountries());
		this.lists.forgetAfterCommit();
	}

	private static ParticipantStatus statusFor(OrganisationForm form) {
		if (form.getKind() != OrganisationKind.PARTICIPANT) {
			return null;
		}
		if (form.getParticipantStatus() == null) {
			throw new InvalidInputException("participantStatus", "organisation.status.required");
		}
		return form.getParticipantStatus();
	}

	private static ObserverCategory categoryFor(OrganisationForm form) {
		if (form.getKind() != OrganisationKind.OBSERVER) {
			return null;
		}
		if (form.getObserverCategory() == null) {
			throw new InvalidInputException("observerCategory", "organisation.category.required");
		}
		return form.getObserverCategory();
	}

	/** Only Participants represent countries, and a country has one Participant at most. */
	private void representCountries(Organisation organisation, String typed) {
		Set<String> codes = StringUtils.hasText(typed) ? Arrays.stream(typed.split("[\\s,;]+"))
			.filter(StringUtils::hasText)
			.map((code) -> code.toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new)) : Set.of();
		if (!codes.isEmpty() && !organisation.isParticipant()) {
			throw new InvalidInputException("countries", "organisation.countries.participantsOnly");
		}
		List<Country> wanted = this.countries.findByCodeIn(codes);
		if (wanted.size() != codes.size()) {
			Set<String> known = wanted.stream().map(Country::getCode).collect(Collectors.toSet());
			String unknown = codes.stream()
				.filter((code) -> !known.contains(code))
				.map((code) -> code.toUpperCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			throw new InvalidInputException("countries", "organisation.countries.unknown", unknown);
		}
		for (Country country : wanted) {
			Organisation current = country.getOrganisation();
			if (current != null && !current.getId().equals(organisation.getId())) {
				throw new InvalidInputException("countries", "organisation.countries.taken",
						country.getCode().toUpperCase(Locale.ROOT), current.getName().en());
			}
		}
		if (organisation.getId() != null) {
			for (Country country : this.countries.findRepresentedBy(organisation.getId())) {
				if (!codes.contains(country.getCode())) {
					country.representedBy(null);
				}
			}
		}
		wanted.forEach((country) -> country.representedBy(organisation));
	}

	@Transactional(readOnly = true)
	public Page<PersonView> accounts(PortalUser actor, String organisationCode, String text, Pageable pageable) {
		requireAdministrator(actor);
		String pattern = StringUtils.hasText(text) ? "%" + text.strip().toLowerCase(Locale.ROOT) + "%" : null;
		String organisation = StringUtils.hasText(organisationCode) ? organisationCode : null;
		return this.accounts.findPage(organisation, pattern, !this.policy.seesAdministrators(actor),
				Role.SYSTEM_ADMINISTRATOR, pageable)
			.map(PersonView::of);
	}

	@Transactional(readOnly = true)
	public Account account(PortalUser actor, long id) {
		requireAdministrator(actor);
		return manageable(actor, id);
	}

	/**
	 * Invites the person: the account waits, unable to sign in, until its holder chooses a password
	 * through the emailed link. Answers the new account's id.
	 */
	public long createAccount(PortalUser actor, AccountForm form) {
		requireAdministrator(actor);
		Account account = this.invitations.newAccount(actor, form.getUsername());
		assign(actor, account, form);
		this.accounts.save(account);
		this.invitations.send(actor, account);
		return account.getId();
	}

	/** The invitation again, with a new link: the one sent before stops working. */
	public String resendInvitation(PortalUser actor, long id) {
		requireAdministrator(actor);
		Account account = manageable(actor, id);
		if (!account.isInvitationPending()) {
			throw new InvalidInputException(null, "admin.user.invitation.notPending");
		}
		this.invitations.send(actor, account);
		return account.getEmail();
	}

	public void updateAccount(PortalUser actor, long id, AccountForm form) {
		requireAdministrator(actor);
		Account account = manageable(actor, id);
		if (account.getVersion() != form.getVersion()) {
			throw new InvalidInputException(null, "form.stale");
		}
		if (account.getId() == actor.id() && !form.getRoles().containsAll(account.getRoles())
				&& account.getRoles().stream().anyMatch((role) -> role == Role.SYSTEM_ADMINISTRATOR || role == Role.CHAIRS_OFFICE)) {
			throw new InvalidInputException("roles", "account.roles.ownAdministration");
		}
		assign(actor, account, form);
	}

	private void assign(PortalUser actor, Account account, AccountForm form) {
		Organisation organisation = this.organisations.findById(form.getOrganisationId())
			.orElseThrow(() -> new InvalidInputException("organisationId", "account.organisation.unknown"));
		Set<Role> grantable = this.policy.grantableRoles(actor);
		for (Role role : form.getRoles()) {
			if (!grantable.contains(role) && !account.hasRole(role)) {
				throw new AccessDeniedException("May not grant " + role);
			}
			if (!role.fits(organisation.getKind())) {
				throw new InvalidInputException("roles", "account.roles.misfit", role.name(),
						organisation.getKind().name());
			}
		}
		if (!this.policy.seesAdministrators(actor) && account.hasRole(Role.SYSTEM_ADMINISTRATOR)
				!= form.getRoles().contains(Role.SYSTEM_ADMINISTRATOR)) {
			throw new AccessDeniedException("May not change administrator rights");
		}
		account.assign(form.getFullName().strip(), form.getEmail().strip(), form.getPreferredLanguage(),
				organisation, form.getRoles());
	}

	public void deactivate(PortalUser actor, long id) {
		requireAdministrator(actor);
		Account account = manageable(actor, id);
		if (account.getId() == actor.id()) {
			throw new InvalidInputException(null, "account.deactivate.self");
		}
		account.deactivate();
		this.events.publishEvent(new AccountCredentialsChanged(account.getId(), account.getUsername()));
	}

	public void reactivate(PortalUser actor, long id) {
		requireAdministrator(actor);
		Account account = manageable(actor, id);
		if (account.isInvitationPending()) {
			throw new InvalidInputException(null, "admin.user.reactivate.invited");
		}
		account.reactivate();
	}

	/**
	 * Emails the person a link to choose a new password; the password stays as it is until they do.
	 * Answers the address it went to.
	 */
	public String resetPassword(PortalUser actor, long id) {
		requireAdministrator(actor);
		Account account = manageable(actor, id);
		if (account.isInvitationPending()) {
			throw new InvalidInputException(null, "admin.user.reset.invited");
		}
		if (!account.isActive()) {
			throw new InvalidInputException(null, "admin.user.reset.inactive");
		}
		this.resets.send(account, true);
		return account.getEmail();
	}

	private Account manageable(PortalUser actor, long id) {
		Account account = this.accounts.findWithRolesById(id).orElseThrow(NotFoundException::new);
		if (!this.policy.canManage(actor, account)) {
			throw new NotFoundException();
		}
		return account;
	}

	private void requireAdministrator(PortalUser actor) {
		if (!this.policy.canAdminister(actor)) {
			throw new AccessDeniedException("Administration is for the Chair's office and administrators");
		}
	}

}
