package org.kimberleyprocess.portal.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Who chairs each working group and for what term, and the requests to join a group. The Chair's
 * office and administrators designate chairs; a group's chair, within its term, decides the
 * requests; a delegation's head or alternate, or an Observer's representative, asks to join.
 */
@Service
@Transactional(readOnly = true)
public class WorkingGroupService {

	private final WorkingGroupRepository groups;

	private final WorkingGroupMembershipRepository memberships;

	private final MembershipRequestRepository requests;

	private final AccountRepository accounts;

	private final DirectoryPolicy policy;

	private final Clock clock;

	WorkingGroupService(WorkingGroupRepository groups, WorkingGroupMembershipRepository memberships,
			MembershipRequestRepository requests, AccountRepository accounts, DirectoryPolicy policy, Clock clock) {
		this.groups = groups;
		this.memberships = memberships;
		this.requests = requests;
		this.accounts = accounts;
		this.policy = policy;
		this.clock = clock;
	}

	// Membership requests

	/** What the page shows the reader about requests: all pending ones for the group's chair, their own otherwise. */
	public RequestsView requests(Reader user, String code) {
		WorkingGroup group = group(code);
		boolean chairs = chairsInTerm(user, group);
		List<MembershipRequest> pending = chairs ? this.requests.findPending(group.getId()) : List.of();
		Optional<MembershipRequest> own = (user == null) ? Optional.empty()
				: this.requests.findLatestOf(group.getId(), user.organisationId()).stream().findFirst();
		boolean member = user != null
				&& user.belongsTo(group.getId());
		return new RequestsView(chairs, pending, own.orElse(null), this.policy.mayRequestMembership(user) && !member
				&& own.map((request) -> request.getStatus() != MembershipRequest.Status.PENDING).orElse(true));
	}

	@Transactional
	public void request(Reader user, String code, String note) {
		WorkingGroup group = group(code);
		if (!this.policy.mayRequestMembership(user)) {
			throw new AccessDeniedException("Only a delegation's head or alternate, or an Observer, asks to join");
		}
		if (user.belongsTo(group.getId())) {
			throw new InvalidInputException(null, "groups.request.alreadyMember");
		}
		if (!this.requests.findPending(group.getId())
			.stream()
			.filter((request) -> request.getOrganisation().getId() == user.organisationId())
			.toList()
			.isEmpty()) {
			throw new InvalidInputException(null, "groups.request.alreadyPending");
		}
		Account account = this.accounts.findById(user.accountId()).orElseThrow();
		this.requests.save(new MembershipRequest(group.getId(), account.getOrganisation(), note.strip(),
				user.name(), this.clock.instant()));
	}

	/** Accepts the request with a standing, or declines it with a reason: the group's chair, within its term. */
	@Transactional
	public void decide(Reader user, String code, long requestId, boolean accept, Standing standing,
			String reason) {
		WorkingGroup group = group(code);
		if (!chairsInTerm(user, group)) {
			throw new AccessDeniedException("Requests are decided by the group's chair");
		}
		MembershipRequest request = this.requests.findById(requestId)
			.filter((candidate) -> candidate.getWorkingGroupId() == group.getId())
			.orElseThrow(NotFoundException::new);
		if (request.getStatus() != MembershipRequest.Status.PENDING) {
			throw new InvalidInputException(null, "groups.request.decided");
		}
		if (accept) {
			if (standing == null) {
				throw new InvalidInputException("standing", "groups.request.standing.required");
			}
			boolean observer = request.getOrganisation().getKind() == OrganisationKind.OBSERVER;
			if (observer != (standing == Standing.OBSERVER)) {
				throw new InvalidInputException("standing",
						observer ? "groups.request.standing.observer" : "groups.request.standing.participant");
			}
			request.accept(standing, user.name(), this.clock.instant());
			this.memberships.save(new WorkingGroupMembership(group, request.getOrganisation(), standing));
		}
		else {
			if (!StringUtils.hasText(reason)) {
				throw new InvalidInputException("reason", "groups.request.reason.required");
			}
			request.decline(reason.strip(), user.name(), this.clock.instant());
		}
	}

	/** Chairing the group now, within the chair's term, as the reader holds it. */
	private static boolean chairsInTerm(Reader user, WorkingGroup group) {
		return user != null && user.chairs(group.getId());
	}

	// Chairs and their terms

	public List<WorkingGroup> groupsWithChairs(PortalUser actor) {
		requireAdministrator(actor);
		return this.groups.findAllWithChairs();
	}

	public WorkingGroup groupWithChair(PortalUser actor, String code) {
		requireAdministrator(actor);
		return group(code);
	}

	/**
	 * Designates the group's chair for a term: a person of a Participant's delegation, the last day
	 * not before the first. The rights follow the term by the portal's clock.
	 */
	@Transactional
	public void designateChair(PortalUser actor, String code, String username, LocalDate from, LocalDate until) {
		requireAdministrator(actor);
		WorkingGroup group = group(code);
		Account account = this.accounts.findForSignIn(username.strip().toLowerCase(java.util.Locale.ROOT))
			.filter(Account::isActive)
			.orElseThrow(() -> new InvalidInputException("username", "groups.chair.unknownPerson"));
		if (account.getOrganisation().getKind() != OrganisationKind.PARTICIPANT) {
			throw new InvalidInputException("username", "groups.chair.notParticipant");
		}
		if (from != null && until != null && until.isBefore(from)) {
			throw new InvalidInputException("until", "groups.chair.untilBeforeFrom");
		}
		group.designateChair(account, from, until);
	}

	private void requireAdministrator(PortalUser actor) {
		if (!this.policy.canAdminister(actor)) {
			throw new AccessDeniedException("Chairs are designated by the Chair's office or an administrator");
		}
	}

	private WorkingGroup group(String code) {
		return this.groups.findByCode(code).orElseThrow(NotFoundException::new);
	}

	public record RequestsView(boolean chairs, List<MembershipRequest> pending, MembershipRequest own,
			boolean mayRequest) {
	}

}

interface MembershipRequestRepository extends JpaRepository<MembershipRequest, Long> {

	@Query("select r from MembershipRequest r join fetch r.organisation"
			+ " where r.workingGroupId = :groupId and r.status = org.kimberleyprocess.portal.directory.MembershipRequest.Status.PENDING"
			+ " order by r.requestedAt")
	List<MembershipRequest> findPending(@Param("groupId") long groupId);

	@Query("select r from MembershipRequest r where r.workingGroupId = :groupId and r.organisation.id = :organisationId"
			+ " order by r.requestedAt desc, r.id desc limit 1")
	List<MembershipRequest> findLatestOf(@Param("groupId") long groupId, @Param("organisationId") long organisationId);

}
