package org.kimberleyprocess.portal.directory;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;

/** Reading the directory for signed-in people, with the visibility rules applied. */
@Service
@Transactional(readOnly = true)
public class DirectoryQueries {

	private final OrganisationRepository organisations;

	private final CountryRepository countries;

	private final AccountRepository accounts;

	private final WorkingGroupMembershipRepository memberships;

	private final WorkingGroupRepository workingGroups;

	private final DirectoryPolicy policy;

	private final java.time.Clock clock;

	private final OrganisationLists lists;

	DirectoryQueries(OrganisationRepository organisations, CountryRepository countries, AccountRepository accounts,
			WorkingGroupMembershipRepository memberships, WorkingGroupRepository workingGroups,
			DirectoryPolicy policy, java.time.Clock clock, OrganisationLists lists) {
		this.clock = clock;
		this.lists = lists;
		this.organisations = organisations;
		this.countries = countries;
		this.accounts = accounts;
		this.memberships = memberships;
		this.workingGroups = workingGroups;
		this.policy = policy;
	}

	/** An organisation's page; one the reader may not see is not found. */
	public OrganisationProfile profile(PortalUser reader, String code) {
		Organisation organisation = this.organisations.findByCode(code)
			.filter((candidate) -> this.policy.canSee(reader, candidate))
			.orElseThrow(NotFoundException::new);
		return new OrganisationProfile(organisation, this.countries.findRepresentedBy(organisation.getId()),
				this.memberships.findByOrganisation(organisation.getId()),
				this.accounts.findActiveMembers(organisation.getId()).stream().map(PersonView::of).toList());
	}

	/**
	 * The public register: the Participants with the countries each represents and its status
	 * (applicants included and marked), and the Observers. Two queries, whatever the size, once a
	 * minute at most ({@link OrganisationLists}).
	 */
	public PublicRegister publicRegister() {
		return this.lists.get("register", this::readPublicRegister);
	}

	private PublicRegister readPublicRegister() {
		java.util.Map<Long, List<Country>> countriesByOrganisation = this.countries.findAllRepresented()
			.stream()
			.collect(Collectors.groupingBy((country) -> country.getOrganisation().getId()));
		List<Organisation> all = this.organisations.findAllByOrderByKindAscNameEnAsc();
		return new PublicRegister(all.stream()
			.filter((organisation) -> organisation.getKind() == OrganisationKind.PARTICIPANT)
			.map((organisation) -> new RegisteredParticipant(organisation,
					countriesByOrganisation.getOrDefault(organisation.getId(), List.of())))
			.toList(),
				all.stream().filter((organisation) -> organisation.getKind() == OrganisationKind.OBSERVER).toList());
	}

	/**
	 * The people the person may register for a meeting: a delegation's head or alternate, or an
	 * Observer's representative, registers the members of its own organisation; the Chair's office
	 * also registers the people of the guest organisations it invites.
	 */
	public List<Attendee> registrableBy(Reader user) {
		boolean delegation = user.actsForDelegation() || user.representsObserver();
		boolean chairsOffice = user.chairsOffice();
		if (!delegation && !chairsOffice) {
			return List.of();
		}
		return this.accounts
			.findActiveIn(delegation ? user.organisationId() : -1L, chairsOffice)
			.stream()
			.map((account) -> new Attendee(account.getId(), account.getFullName(), account.getOrganisation().getId(),
					account.getOrganisation().getName(), account.getOrganisation().getKind() == OrganisationKind.GUEST))
			.toList();
	}

	/**
	 * The active people holding one of the roles, in the given organisations (or in any when
	 * {@code organisations} is null): who is told about the work of their delegation.
	 */
	public List<Long> peopleWithRoles(java.util.Collection<Long> organisations, Role... roles) {
		boolean all = organisations == null;
		java.util.Collection<Long> among = (all || organisations.isEmpty()) ? List.of(-1L) : organisations;
		return this.accounts.findActiveIdsWithRoles(List.of(roles), all, among);
	}

	/** How to reach active people: address, name and language. Inactive people are left out. */
	public List<Contact> contacts(java.util.Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.accounts.findActiveByIds(accountIds)
			.stream()
			.map((account) -> new Contact(account.getId(), account.getUsername(), account.getFullName(),
					account.getEmail(), account.getPreferredLanguage()))
			.toList();
	}

	public record Contact(long accountId, String username, String fullName, String email, String language) {
	}

	/** A person a meeting may be attended by, with the organisation they come from. */
	public record Attendee(long accountId, String fullName, long organisationId, Localized organisation,
			boolean guest) {
	}

	/** The working groups and committees the person chairs today, within the chair's term. */
	public List<WorkingGroup> chairedBy(PortalUser user) {
		return this.workingGroups.findChairedBy(user.id(), today());
	}

	public List<GroupRef> workingGroups() {
		return this.workingGroups.findAllByOrderByKindAscNameEnAsc()
			.stream()
			.map((group) -> new GroupRef(group.getId(), group.getCode(), group.getName()))
			.toList();
	}

	/** Every organisation's name and kind, Participants first, by English name. */
	public List<OrganisationRef> organisations() {
		return this.lists.get("names", () -> this.organisations.findAllByOrderByKindAscNameEnAsc()
			.stream()
			.map((organisation) -> new OrganisationRef(organisation.getId(), organisation.getCode(),
					organisation.getName(), organisation.getKind()))
			.toList());
	}

	/** The Participants whose status lets them take part in decisions now. */
	public List<OrganisationRef> activeParticipants() {
		return this.organisations.findAllByOrderByKindAscNameEnAsc()
			.stream()
			.filter((organisation) -> organisation.isParticipant()
					&& organisation.getParticipantStatus().takesDecisions())
			.map((organisation) -> new OrganisationRef(organisation.getId(), organisation.getCode(),
					organisation.getName(), organisation.getKind()))
			.toList();
	}

	/**
	 * The group's members that take part in its decisions: active Participants with the standing
	 * of member or provisional member.
	 */
	public List<OrganisationRef> decidingMembersOf(long groupId) {
		return this.memberships.findByGroup(groupId)
			.stream()
			.filter((membership) -> membership.getStanding() != Standing.OBSERVER)
			.map(WorkingGroupMembership::getOrganisation)
			.filter((organisation) -> organisation.isParticipant()
					&& organisation.getParticipantStatus().takesDecisions())
			.map((organisation) -> new OrganisationRef(organisation.getId(), organisation.getCode(),
					organisation.getName(), organisation.getKind()))
			.toList();
	}

	/** A working group or committee with its chair and members; unknown codes are not found. */
	public GroupProfile workingGroup(String code) {
		WorkingGroup group = this.workingGroups.findByCode(code).orElseThrow(NotFoundException::new);
		List<WorkingGroupMembership> members = this.memberships.findByGroup(group.getId());
		return new GroupProfile(group.getId(), group.getCode(), group.getKind(), group.getName(), group.getMandate(),
				group.getChairOrganisation() == null ? null : group.getChairOrganisation().getName(),
				group.getChairAccount() == null ? null : group.getChairAccount().getFullName(),
				group.getChairFrom(), group.getChairUntil(), group.chairInTerm(today()),
				members.stream()
					.map((m) -> new Member(m.getOrganisation().getCode(), m.getOrganisation().getName(),
							m.getOrganisation().getKind(), m.getStanding()))
					.toList());
	}

	public record GroupProfile(long id, String code, WorkingGroupKind kind, Localized name, Localized mandate,
			Localized chairOrganisation, String chairPerson, java.time.LocalDate chairFrom,
			java.time.LocalDate chairUntil, boolean chairInTerm, List<Member> members) {
	}

	public record Member(String code, Localized name, OrganisationKind kind, Standing standing) {

		public String name(Locale locale) {
			return this.name.in(locale);
		}

	}

	/** An organisation with what the other features need to know about it. */
	public OrganisationInfo organisationInfo(long id) {
		Organisation organisation = this.organisations.findById(id).orElseThrow(NotFoundException::new);
		return new OrganisationInfo(organisation.getId(), organisation.getCode(), organisation.getName(),
				organisation.getKind(), organisation.getParticipantStatus(), organisation.getObserverCategory());
	}

	public record OrganisationInfo(long id, String code, Localized name, OrganisationKind kind,
			ParticipantStatus participantStatus, ObserverCategory observerCategory) {

		public String name(Locale locale) {
			return this.name.in(locale);
		}

	}

	public record GroupRef(long id, String code, Localized name) {

		public String name(Locale locale) {
			return this.name.in(locale);
		}

	}

	public record OrganisationRef(long id, String code, Localized name, OrganisationKind kind) {

		public String name(Locale locale) {
			return this.name.in(locale);
		}

	}

	private java.time.LocalDate today() {
		return java.time.LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
	}

	public record PublicRegister(List<RegisteredParticipant> participants, List<Organisation> observers) {

		/** The Participants admitted to the scheme, whatever their status; applicants are not yet Participants. */
		public List<RegisteredParticipant> members() {
			return this.participants.stream()
				.filter((participant) -> participant.organisation().getParticipantStatus() != ParticipantStatus.APPLICANT)
				.toList();
		}

		public int countryCount() {
			return members().stream().mapToInt((participant) -> participant.countries().size()).sum();
		}

	}

	public record RegisteredParticipant(Organisation organisation, List<Country> countries) {
	}

	public record OrganisationProfile(Organisation organisation, List<Country> countries,
			List<WorkingGroupMembership> workingGroups, List<PersonView> people) {
	}

}
