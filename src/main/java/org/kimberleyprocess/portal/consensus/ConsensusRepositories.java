package org.kimberleyprocess.portal.consensus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoundRepository extends JpaRepository<ConsensusRound, Long> {

	@Query("select r from ConsensusRound r where r.documentId = :documentId order by r.openedAt desc, r.id desc")
	List<ConsensusRound> findByDocument(@Param("documentId") long documentId);

	@Query("select r from ConsensusRound r where r.status = org.kimberleyprocess.portal.consensus.RoundStatus.OPEN order by r.deadline, r.openedAt")
	List<ConsensusRound> findOpen();

	@Query("select r from ConsensusRound r where r.status = org.kimberleyprocess.portal.consensus.RoundStatus.OPEN"
			+ " and r.kind = org.kimberleyprocess.portal.consensus.RoundKind.WRITTEN"
			+ " and r.deadline > :from and r.deadline <= :until order by r.deadline")
	List<ConsensusRound> findOpenWrittenDueBetween(@Param("from") Instant from, @Param("until") Instant until);

	@Query("""
			select r.id from ConsensusRound r where r.status = org.kimberleyprocess.portal.consensus.RoundStatus.OPEN
			and r.kind = org.kimberleyprocess.portal.consensus.RoundKind.WRITTEN and r.deadline <= :now""")
	List<Long> findDue(@Param("now") Instant now);

	/**
	 * Takes the round's row lock before a position is written: recordings on one round queue
	 * behind each other (each takes milliseconds) instead of deadlocking on the position index,
	 * and none can slip in while the round is being closed.
	 */
	@Query(value = "SELECT status FROM consensus_round WHERE id = :id FOR UPDATE", nativeQuery = true)
	Optional<String> lockStatus(@Param("id") long id);

}

interface PositionRepository extends JpaRepository<PositionRecord, Long> {

	@Query("select p from PositionRecord p where p.roundId = :roundId and p.current = true")
	List<PositionRecord> findCurrent(@Param("roundId") long roundId);

	@Query("select p from PositionRecord p where p.roundId in :roundIds and p.organisationId = :organisation"
			+ " and p.current = true")
	List<PositionRecord> findCurrentOfOrganisationIn(@Param("roundIds") Collection<Long> roundIds,
			@Param("organisation") long organisationId);

	@Query("select p from PositionRecord p where p.roundId = :roundId order by p.recordedAt desc, p.id desc")
	List<PositionRecord> findHistory(@Param("roundId") long roundId);

	@Modifying(flushAutomatically = true)
	@Query("update PositionRecord p set p.current = null where p.roundId = :roundId and p.organisationId = :organisationId and p.current = true")
	int supersede(@Param("roundId") long roundId, @Param("organisationId") long organisationId);

}

interface AdoptionRepository extends JpaRepository<AdoptionRecord, Long> {

	Optional<AdoptionRecord> findByDocumentId(long documentId);

}
