package org.kimberleyprocess.portal.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

	Optional<Organisation> findByCode(String code);

	boolean existsByCode(String code);

	@Query("""
			select o from Organisation o
			where (:kind is null or o.kind = :kind)
			order by o.kind, o.nameEn""")
	Page<Organisation> findPage(@Param("kind") OrganisationKind kind, Pageable pageable);

	List<Organisation> findAllByOrderByKindAscNameEnAsc();

}

interface CountryRepository extends JpaRepository<Country, Long> {

	@Query("select c from Country c where c.organisation.id = :organisationId order by c.nameEn")
	List<Country> findRepresentedBy(@Param("organisationId") long organisationId);

	@Query("select c from Country c where c.organisation is not null order by c.nameEn")
	List<Country> findAllRepresented();

	@Query("select c from Country c left join fetch c.organisation where c.code in :codes")
	List<Country> findByCodeIn(@Param("codes") Collection<String> codes);

}

/** What the sign-in check needs on each request, read without loading the whole account. */
interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("select a from Account a join fetch a.organisation left join fetch a.roles where a.username = :username")
	Optional<Account> findForSignIn(@Param("username") String username);

	@Query("select a from Account a join fetch a.organisation left join fetch a.roles where a.id = :id")
	Optional<Account> findWithRolesById(@Param("id") long id);

	@Query("select distinct a from Account a join fetch a.organisation left join fetch a.roles"
			+ " where a.id in :ids and a.active = true")
	List<Account> findActiveWithRolesByIds(@Param("ids") java.util.Collection<Long> ids);

	boolean existsByUsername(String username);

	/** An account with what its invitation's page shows: organisation, roles, and who invited it. */
	@Query("select a from Account a join fetch a.organisation left join fetch a.roles left join fetch a.invitedBy i"
			+ " left join fetch i.organisation where a.username = :username")
	Optional<Account> findInvitation(@Param("username") String username);

	/**
	 * The members of an organisation: its accounts holding a role there, whatever their state
	 * (invited, active, suspended). Those removed hold none.
	 */
	@Query("select distinct a from Account a join fetch a.roles where a.organisation.id = :organisationId"
			+ " order by a.fullName, a.username")
	List<Account> findMembers(@Param("organisationId") long organisationId);

	/** The active accounts a forgotten-password request names, by username or email address. */
	@Query("select a from Account a where a.active = true and (a.username = :username or lower(a.email) = :email)"
			+ " order by a.id")
	List<Account> findActiveByUsernameOrEmail(@Param("username") String username, @Param("email") String email,
			Pageable pageable);

	@Query(value = """
			select a from Account a join fetch a.organisation o
			where (:organisation is null or o.code = :organisation)
			  and (:text is null or lower(a.username) like :text or lower(a.fullName) like :text)
			  and (:hideAdministrators = false or :administrator not member of a.roles)
			order by o.nameEn, a.fullName""", countQuery = """
			select count(a) from Account a join a.organisation o
			where (:organisation is null or o.code = :organisation)
			  and (:text is null or lower(a.username) like :text or lower(a.fullName) like :text)
			  and (:hideAdministrators = false or :administrator not member of a.roles)""")
	Page<Account> findPage(@Param("organisation") String organisation, @Param("text") String text,
			@Param("hideAdministrators") boolean hideAdministrators, @Param("administrator") Role administrator,
			Pageable pageable);

	@Query("select a from Account a where a.organisation.id = :organisationId and a.active = true order by a.fullName")
	List<Account> findActiveMembers(@Param("organisationId") long organisationId);

	@Query("select distinct a.id from Account a join a.roles r where a.active = true and r in :roles"
			+ " and (:all = true or a.organisation.id in :organisations)")
	List<Long> findActiveIdsWithRoles(@Param("roles") java.util.Collection<Role> roles, @Param("all") boolean all,
			@Param("organisations") java.util.Collection<Long> organisations);

	@Query("select a from Account a where a.id in :ids and a.active = true")
	List<Account> findActiveByIds(@Param("ids") java.util.Collection<Long> ids);

	@Query("select distinct a from Account a join fetch a.organisation o left join fetch a.roles"
			+ " where a.active = true and (o.id = :organisationId"
			+ " or (:guests = true and o.kind = org.kimberleyprocess.portal.directory.OrganisationKind.GUEST))"
			+ " order by o.nameEn, a.fullName")
	List<Account> findActiveIn(@Param("organisationId") long organisationId, @Param("guests") boolean guests);

}

interface WorkingGroupMembershipRepository extends JpaRepository<WorkingGroupMembership, Long> {

	@Query("""
			select m from WorkingGroupMembership m join fetch m.workingGroup g
			where m.organisation.id = :organisationId order by g.kind, g.nameEn""")
	List<WorkingGroupMembership> findByOrganisation(@Param("organisationId") long organisationId);

	@Query("select m from WorkingGroupMembership m join fetch m.organisation o where m.workingGroup.id = :groupId"
			+ " order by m.standing, o.kind, o.nameEn")
	List<WorkingGroupMembership> findByGroup(@Param("groupId") long groupId);


}

interface WorkingGroupRepository extends JpaRepository<WorkingGroup, Long> {

	/** The groups the person chairs on the day: designated, and within the chair's term. */
	@Query("select g from WorkingGroup g where g.chairAccount.id = :accountId"
			+ " and (g.chairFrom is null or g.chairFrom <= :day) and (g.chairUntil is null or g.chairUntil >= :day)"
			+ " order by g.nameEn")
	List<WorkingGroup> findChairedBy(@Param("accountId") long accountId, @Param("day") java.time.LocalDate day);


	@Query("select g from WorkingGroup g left join fetch g.chairOrganisation left join fetch g.chairAccount"
			+ " order by g.kind, g.nameEn")
	List<WorkingGroup> findAllWithChairs();

	List<WorkingGroup> findAllByOrderByKindAscNameEnAsc();

	@Query("select g from WorkingGroup g left join fetch g.chairOrganisation left join fetch g.chairAccount"
			+ " where g.code = :code")
	Optional<WorkingGroup> findByCode(@Param("code") String code);

}

interface SecondFactorRepository extends JpaRepository<SecondFactor, Long> {

	/** Moves the last accepted step forward, or does nothing when a later or equal one was used. */
	@org.springframework.data.jpa.repository.Modifying
	@Query("update SecondFactor f set f.lastUsedStep = :step where f.accountId = :accountId and f.lastUsedStep < :step")
	int acceptStep(@Param("accountId") long accountId, @Param("step") long step);

}

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

	@Query("select count(c) from RecoveryCode c where c.accountId = :accountId and c.usedAt is null")
	long countUnused(@Param("accountId") long accountId);

	@Query("select c from RecoveryCode c where c.accountId = :accountId and c.usedAt is null")
	List<RecoveryCode> findUnused(@Param("accountId") long accountId);

	/** Spends the code, or does nothing when another request spent it first. */
	@org.springframework.data.jpa.repository.Modifying
	@Query("update RecoveryCode c set c.usedAt = :at where c.id = :id and c.usedAt is null")
	int use(@Param("id") long id, @Param("at") java.time.Instant at);

	@org.springframework.data.jpa.repository.Modifying
	@Query("delete from RecoveryCode c where c.accountId = :accountId")
	int deleteForAccount(@Param("accountId") long accountId);

}
