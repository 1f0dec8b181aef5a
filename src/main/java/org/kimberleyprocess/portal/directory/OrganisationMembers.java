package org.kimberleyprocess.portal.directory;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * A delegation, or an Observer, looks after its own members: its head of delegation (or
 * representative) invites them, gives them their role there, suspends, reinstates and removes
 * them, under {@link DirectoryPolicy}. An organisation that is not the person's own is not found;
 * their own, without the right, is refused; a member they may not touch (another head, themselves)
 * is refused. What changes applies to the member's open sessions at once.
 */
@Service
@Transactional
class OrganisationMembers {

	private final OrganisationRepository organisations;

	private final AccountRepository accounts;

	private final DirectoryPolicy policy;

	private final Invitations invitations;

	private final ApplicationEventPublisher events;

	OrganisationMembers(OrganisationRepository organisations, AccountRepository accounts, DirectoryPolicy policy,
			Invitations invitations, ApplicationEventPublisher events) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.policy = policy;
		this.invitations = invitations;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public MembersPage page(PortalUser user, String code) {
		Organisation organisation = managed(user, code);
		List<MemberView> members = this.accounts.findMembers(organisation.getId())
			.stream()
			.map((account) -> MemberView.of(account, this.policy.canManageMember(user, account)))
			.toList();
		return new MembersPage(organisation.getCode(), organisation.getName(), members,
				this.policy.grantableMemberRoles(user));
	}

	/** Invites a new member, who is emailed a link to choose a password. Answers the new account's id. */
	public long invite(PortalUser user, String code, InvitationForm form) {
		Organisation organisation = managed(user, code);
		Role role = grantable(user, form.getRole());
		Account account = this.invitations.newAccount(user, form.getUsername());
		account.assign(form.getFullName().strip(), form.getEmail().strip(), form.getPreferredLanguage(), organisation,
				EnumSet.of(role));
		this.accounts.save(account);
		this.invitations.send(user, account);
		return account.getId();
	}

	/** The invitation again, with a new link; the one sent before stops working. */
	public String resendInvitation(PortalUser user, String code, long memberId) {
		Account member = member(user, code, memberId);
		if (member.getState() != AccountState.INVITED) {
			throw new InvalidInputException(null, "members.invitation.notPending");
		}
		this.invitations.send(user, member);
		return member.getEmail();
	}

	/** The member may no longer sign in; their open sessions end at once. */
	public String suspend(PortalUser user, String code, long memberId) {
		Account member = member(user, code, memberId);
		if (member.getState() != AccountState.ACTIVE) {
			throw new InvalidInputException(null, "members.suspend.notActive");
		}
		member.deactivate();
		this.events.publishEvent(new AccountCredentialsChanged(member.getId(), member.getUsername()));
		return member.getFullName();
	}

	public String reinstate(PortalUser user, String code, long memberId) {
		Account member = member(user, code, memberId);
		if (member.getState() != AccountState.SUSPENDED) {
			throw new InvalidInputException(null, "members.reinstate.notSuspended");
		}
		member.reactivate();
		return member.getFullName();
	}

	/**
	 * The person leaves the organisation's members: the account loses its roles and can no longer
	 * sign in (an invitation not yet accepted is withdrawn). It is kept, not deleted, because what
	 * the person wrote, recorded and attended names it and the audit trail refers to it; only an
	 * administrator can give it roles again.
	 */
	public String remove(PortalUser user, String code, long memberId) {
		Account member = member(user, code, memberId);
		this.invitations.withdraw(member);
		member.leave();
		this.events.publishEvent(new AccountCredentialsChanged(member.getId(), member.getUsername()));
		return member.getFullName();
	}

	/** The member's role within the organisation; it applies in their open sessions at once. */
	public String changeRole(PortalUser user, String code, long memberId, Role role) {
		Account member = member(user, code, memberId);
		member.changeRoles(EnumSet.of(grantable(user, role)));
		return member.getFullName();
	}

	private Organisation managed(PortalUser user, String code) {
		Organisation organisation = this.organisations.findByCode(code)
			.filter((candidate) -> this.policy.canSee(user, candidate))
			.filter((candidate) -> user != null && candidate.getId() == user.organisationId())
			.orElseThrow(NotFoundException::new);
		if (!this.policy.canManageMembers(user, organisation)) {
			throw new AccessDeniedException("Managing members is for the head of delegation or representative");
		}
		return organisation;
	}

	/** A member of the organisation (one holding a role there); one the person may not touch is refused. */
	private Account member(PortalUser user, String code, long memberId) {
		Organisation organisation = managed(user, code);
		Account member = this.accounts.findWithRolesById(memberId)
			.filter((account) -> account.getOrganisation().getId().equals(organisation.getId()))
			.filter((account) -> !account.getRoles().isEmpty())
			.orElseThrow(NotFoundException::new);
		if (!this.policy.canManageMember(user, member)) {
			throw new AccessDeniedException("May not manage this member");
		}
		return member;
	}

	private Role grantable(PortalUser user, Role role) {
		if (role == null || !this.policy.grantableMemberRoles(user).contains(role)) {
			throw new AccessDeniedException("May not give " + role);
		}
		return role;
	}

	/** An organisation's members' page: who they are, and the roles the person may give. */
	public record MembersPage(String code, Localized name, List<MemberView> members, Set<Role> grantableRoles) {

		public String name(Locale locale) {
			return this.name.in(locale);
		}

	}

	/** A member as the page lists them, with whether the person may act on them. */
	public record MemberView(long id, String username, String fullName, String email, Set<Role> roles,
			AccountState state, boolean manageable) {

		static MemberView of(Account account, boolean manageable) {
			return new MemberView(account.getId(), account.getUsername(), account.getFullName(), account.getEmail(),
					account.getRoles(), account.getState(), manageable);
		}

		/** The role the member holds among those the page gives, for the role selector. */
		public Role role() {
			return this.roles.size() == 1 ? this.roles.iterator().next() : null;
		}

	}

}
