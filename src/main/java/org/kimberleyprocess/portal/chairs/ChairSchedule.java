package org.kimberleyprocess.portal.chairs;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.consensus.ConsensusEvents;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentStatus;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The rotation and what follows from it: who chairs in a given year (by the application clock,
 * years changing at midnight UTC on 1 January), and who chairs the Committee on Participation and
 * Chairmanship (the previous year's Chair).
 */
@Service
@Transactional(readOnly = true)
public class ChairSchedule {

	private final ChairTermRepository terms;

	private final DirectoryQueries directory;

	private final Clock clock;

	private final DocumentRecords records;

	ChairSchedule(ChairTermRepository terms, DirectoryQueries directory, DocumentRecords records, Clock clock) {
		this.records = records;
		this.terms = terms;
		this.directory = directory;
		this.clock = clock;
	}

	/** Whether the rotation has a row for the current year: without one, no Chair's office holds its rights. */
	public boolean keptThisYear() {
		return this.terms.findById(currentYear()).isPresent();
	}

	public int currentYear() {
		return this.clock.instant().atZone(ZoneOffset.UTC).getYear();
	}

	/** This year's row of the schedule (Chair and Vice-Chair), if the schedule has one. */
	public Optional<YearView> current() {
		int year = currentYear();
		return history().stream().filter((view) -> view.term().getYear() == year).findFirst();
	}

	public List<YearView> history() {
		Map<Long, OrganisationRef> organisations = this.directory.organisations()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
		List<ChairTerm> all = this.terms.findAllByOrderByYearAsc();
		List<YearView> years = new ArrayList<>();
		ChairTerm previous = null;
		for (ChairTerm term : all) {
			OrganisationRef committeeChair = (previous != null && previous.getYear() == term.getYear() - 1)
					? organisations.get(previous.getChairOrganisationId()) : null;
			years.add(new YearView(term, organisations.get(term.getChairOrganisationId()),
					term.getViceChairOrganisationId() == null ? null
							: organisations.get(term.getViceChairOrganisationId()),
					term.getCandidateOrganisationId() == null ? null
							: organisations.get(term.getCandidateOrganisationId()),
					committeeChair));
			previous = term;
		}
		return years;
	}

	/**
	 * Sets a future year (or the current one, where the rotation has none and so no Chair's office
	 * holds its rights): Chair and Vice-Chair are different active Participants, years follow each
	 * other without gaps, and a Chair other than the previous year's Vice-Chair needs an adopted
	 * decision that says so.
	 */
	@Transactional
	public void setFutureYear(TermForm form) {
		int year = form.getYear();
		boolean missingThisYear = year == currentYear() && this.terms.findById(year).isEmpty();
		if (year <= currentYear() && !missingThisYear) {
			throw new InvalidInputException("year", "chairs.admin.pastYear");
		}
		Set<Long> active = this.directory.activeParticipants()
			.stream()
			.map(OrganisationRef::id)
			.collect(Collectors.toSet());
		if (!active.contains(form.getChair())) {
			throw new InvalidInputException("chair", "chairs.admin.notActive");
		}
		if (form.getViceChair() != null && !active.contains(form.getViceChair())) {
			throw new InvalidInputException("viceChair", "chairs.admin.notActive");
		}
		if (form.getChair().equals(form.getViceChair())) {
			throw new InvalidInputException("viceChair", "chairs.admin.same");
		}
		Optional<ChairTerm> previous = this.terms.findById(year - 1);
		if (previous.isEmpty() && this.terms.count() > 0) {
			throw new InvalidInputException("year", "chairs.admin.gap");
		}
		boolean followsRule = previous.map(ChairTerm::getViceChairOrganisationId)
			.map((vice) -> vice.equals(form.getChair()))
			.orElse(true);
		if (!followsRule) {
			if (form.getDepartureDocument() == null
					|| this.records.statusOf(form.getDepartureDocument()) != DocumentStatus.ADOPTED) {
				throw new InvalidInputException("departureDocument", "chairs.admin.departure");
			}
		}
		ChairTerm term = this.terms.findById(year).orElseGet(() -> new ChairTerm(year, form.getChair()));
		term.set(form.getChair(), form.getViceChair(), followsRule ? null : form.getDepartureDocument());
		this.terms.save(term);
	}

	/** Links the decision that will select the year's Vice-Chair, and its candidate. */
	@Transactional
	public void awaitSelection(int year, long candidateOrganisationId, long selectionDocumentId) {
		this.terms.findById(year)
			.orElseThrow(NotFoundException::new)
			.awaitSelection(candidateOrganisationId, selectionDocumentId);
	}

	/**
	 * Adopting a selection decision fills the schedule: the candidate becomes the year's
	 * Vice-Chair and, by the rule, the Chair of the next year.
	 */
	@ApplicationModuleListener
	void onRoundClosed(ConsensusEvents.RoundClosed event) {
		if (!event.adopted()) {
			return;
		}
		for (ChairTerm term : this.terms.findBySelectionDocumentId(event.documentId())) {
			if (term.getCandidateOrganisationId() == null) {
				continue;
			}
			long selected = term.getCandidateOrganisationId();
			term.selectCandidate();
			if (this.terms.findById(term.getYear() + 1).isEmpty()) {
				this.terms.save(new ChairTerm(term.getYear() + 1, selected));
			}
		}
	}

	public record YearView(ChairTerm term, OrganisationRef chair, OrganisationRef viceChair,
			OrganisationRef candidate, OrganisationRef committeeChair) {
	}

}

interface ChairTermRepository extends JpaRepository<ChairTerm, Integer> {


	@Query("select t.chairOrganisationId from ChairTerm t where t.year = :year")
	Optional<Long> findChairOf(@Param("year") int year);

	List<ChairTerm> findAllByOrderByYearAsc();

	List<ChairTerm> findBySelectionDocumentId(Long selectionDocumentId);

}
