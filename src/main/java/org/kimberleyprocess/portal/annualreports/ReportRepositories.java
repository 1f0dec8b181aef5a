package org.kimberleyprocess.portal.annualreports;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReportingYearRepository extends JpaRepository<ReportingYear, Integer> {

	@Query("select y from ReportingYear y order by y.year desc")
	List<ReportingYear> findAllNewestFirst();

}

interface AnnualReportRepository extends JpaRepository<AnnualReport, Long> {

	@Query("select distinct r from AnnualReport r left join fetch r.publicSections left join fetch r.reviewers where r.year = :year")
	List<AnnualReport> findByYear(@Param("year") int year);

	@Query("select r from AnnualReport r left join fetch r.publicSections left join fetch r.reviewers where r.id = :id")
	Optional<AnnualReport> findWhole(@Param("id") long id);

	Optional<AnnualReport> findByYearAndOrganisationId(int year, long organisationId);

	@Query("select r from AnnualReport r where r.organisationId = :organisationId order by r.year desc")
	List<AnnualReport> findByOrganisation(@Param("organisationId") long organisationId);

}

interface SubmissionRepository extends JpaRepository<Submission, Long> {

	@Query("select s from Submission s where s.reportId = :reportId order by s.submittedAt, s.id")
	List<Submission> findByReport(@Param("reportId") long reportId);

}
