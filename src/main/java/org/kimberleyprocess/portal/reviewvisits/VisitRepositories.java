package org.kimberleyprocess.portal.reviewvisits;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewVisitRepository extends JpaRepository<ReviewVisit, Long> {

	@Query(value = """
			select v from ReviewVisit v where (:year is null or v.preferredYear = :year)
			and (:status is null or v.status = :status) and v.status in :statuses
			order by v.preferredYear desc, v.id""", countQuery = """
			select count(v) from ReviewVisit v where (:year is null or v.preferredYear = :year)
			and (:status is null or v.status = :status) and v.status in :statuses""")
	Page<ReviewVisit> findRegister(@Param("year") Integer year, @Param("status") VisitStatus status,
			@Param("statuses") Collection<VisitStatus> statuses, Pageable pageable);

	List<ReviewVisit> findByReportDocumentId(Long reportDocumentId);

	@Query("select distinct v.preferredYear from ReviewVisit v order by v.preferredYear desc")
	List<Integer> findYears();

	@Query("""
			select v from ReviewVisit v where v.status = org.kimberleyprocess.portal.reviewvisits.VisitStatus.SCHEDULED
			and v.startDate is not null order by v.startDate""")
	List<ReviewVisit> findScheduled();

	@Query("select v from ReviewVisit v where v.status not in :ended order by v.preferredYear, v.id")
	List<ReviewVisit> findUnder(@Param("ended") Collection<VisitStatus> ended);

	/** Other visits with dates that overlap the given ones, on which the account sits. */
	@Query("""
			select v from ReviewVisit v where v.id <> :visitId and v.startDate <= :end and v.endDate >= :start
			and v.status in :statuses
			and exists (select t from Volunteer t where t.visitId = v.id and t.accountId = :accountId and t.selected = true)""")
	List<ReviewVisit> findOverlapping(@Param("visitId") long visitId, @Param("accountId") long accountId,
			@Param("start") LocalDate start, @Param("end") LocalDate end,
			@Param("statuses") Collection<VisitStatus> statuses);

}

interface VisitEventRepository extends JpaRepository<VisitEvent, Long> {

	@Query("select e from VisitEvent e where e.visitId = :visitId order by e.at, e.id")
	List<VisitEvent> findTimeline(@Param("visitId") long visitId);

}

interface VolunteerRepository extends JpaRepository<Volunteer, Long> {

	@Query("select t from Volunteer t where t.visitId = :visitId order by t.createdAt, t.id")
	List<Volunteer> findByVisit(@Param("visitId") long visitId);

	Optional<Volunteer> findByVisitIdAndAccountId(long visitId, long accountId);

}
