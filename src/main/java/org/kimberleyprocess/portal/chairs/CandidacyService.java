package org.kimberleyprocess.portal.chairs;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Language;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Selecting next year's Vice-Chair: a Participant's head of delegation submits its candidacy;
 * the Committee on Participation and Chairmanship, chaired by the previous year's Chair,
 * records its assessment; the Chair's office puts an eligible candidacy to the Plenary in a
 * selection decision, whose adoption through a consensus round fills the schedule.
 */
@Service
@Transactional(readOnly = true)
public class CandidacyService {

	private final CandidacyRepository candidacies;

	private final ChairSchedule schedule;

	private final ChairTermRepository terms;

	private final DirectoryQueries directory;

	private final Drafting drafting;

	private final DocumentLifecycle lifecycle;

	private final DocumentReading documents;

	private final ChairsPolicy policy;

	private final Clock clock;

	private final MessageSource messages;

	CandidacyService(CandidacyRepository candidacies, ChairSchedule schedule, ChairTermRepository terms,
			DirectoryQueries directory, Drafting drafting, DocumentLifecycle lifecycle, DocumentReading documents,
			ChairsPolicy policy, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.candidacies = candidacies;
		this.schedule = schedule;
		this.terms = terms;
		this.directory = directory;
		this.drafting = drafting;
		this.lifecycle = lifecycle;
		this.documents = documents;
		this.policy = policy;
		this.clock = clock;
	}

	/** The candidacies for next year's Vice-Chair, and what the reader may do with them. */
	public CandidaciesPage page(Reader user) {
		if (!this.policy.seesCandidacies(user)) {
			throw new NotFoundException();
		}
		int year = this.schedule.currentYear() + 1;
		Map<Long, OrganisationRef> organisations = this.directory.organisations()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
		Optional<ChairTerm> term = this.terms.findById(year);
		Long committeeChair = committeeChair();
		return new CandidaciesPage(year, term.map((t) -> organisations.get(t.getChairOrganisationId())).orElse(null),
				committeeChair == null ? null : organisations.get(committeeChair),
				this.candidacies.findByYearOrderBySubmittedAt(year)
					.stream()
					.map((candidacy) -> new Row(candidacy, organisations.get(candidacy.getOrganisationId())))
					.toList(),
				this.policy.maySubmitCandidacy(user), assesses(user), this.policy.preparesSelection(user));
	}

	@Transactional
	public void submit(Reader user, String statement) {
		if (!this.policy.maySubmitCandidacy(user)) {
			throw new AccessDeniedException("A candidacy is submitted by a Participant's head of delegation");
		}
		int year = this.schedule.currentYear() + 1;
		Set<Long> active = this.directory.activeParticipants()
			.stream()
			.map(OrganisationRef::id)
			.collect(Collectors.toSet());
		if (!active.contains(user.organisationId())) {
			throw new InvalidInputException(null, "candidacy.notActive");
		}
		ChairTerm term = this.terms.findById(year)
			.orElseThrow(() -> new InvalidInputException(null, "candidacy.noChair", year));
		if (term.getViceChairOrganisationId() != null) {
			throw new InvalidInputException(null, "candidacy.closed", year);
		}
		if (term.getChairOrganisationId() == user.organisationId()) {
			throw new InvalidInputException(null, "candidacy.isChair", year);
		}
		if (this.candidacies.findByYearAndOrganisationId(year, user.organisationId()).isPresent()) {
			throw new InvalidInputException(null, "candidacy.duplicate", year);
		}
		try {
			this.candidacies.saveAndFlush(new Candidacy(year, user.organisationId(), statement.strip(), user.name(),
					this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInputException(null, "candidacy.duplicate", year);
		}
	}

	/** The committee's assessment, recorded by the head or alternate of the delegation chairing it. */
	@Transactional
	public void assess(Reader user, long id, Boolean eligible, String assessment) {
		if (!assesses(user)) {
			throw new AccessDeniedException("Assessed by the Committee on Participation and Chairmanship");
		}
		Candidacy candidacy = current(id);
		if (candidacy.getSelectionDocumentId() != null) {
			throw new InvalidInputException(null, "candidacy.assessment.late");
		}
		if (eligible == null) {
			throw new InvalidInputException("eligible", "candidacy.assessment.eligible");
		}
		if (!StringUtils.hasText(assessment)) {
			throw new InvalidInputException("assessment", "candidacy.assessment.text");
		}
		candidacy.assess(eligible, assessment.strip(), user.name(), this.clock.instant());
	}

	/**
	 * Drafts and circulates the selection decision for an eligible candidacy, and links it to the
	 * schedule; the Chair's office then seeks consensus on it like on any decision.
	 */
	@Transactional
	public long putToSelection(Reader reader, long id) {
		if (!this.policy.preparesSelection(reader)) {
			throw new AccessDeniedException("The Chair's office prepares the selection decision");
		}
		Candidacy candidacy = current(id);
		requireSelectable(candidacy);
		Language language = Language.of(LocaleContextHolder.getLocale());
		String name = this.directory.organisationInfo(candidacy.getOrganisationId()).name().in(language.locale());
		String year = String.valueOf(candidacy.getYear());
		NewDocument form = new NewDocument();
		form.setType(DocumentType.ADMINISTRATIVE_DECISION);
		form.setLanguage(language);
		form.setBody("PLENARY");
		form.setYear(this.schedule.currentYear());
		form.setConfidentiality(Confidentiality.PLENARY);
		form.setTitle(this.messages.getMessage("candidacy.decision.title", new Object[] { year }, language.locale()));
		form.setText(this.messages.getMessage("candidacy.decision.text",
				new Object[] { year, name, String.valueOf(candidacy.getYear() + 1) }, language.locale()));
		form.setCoEditors(Set.of());
		long document = this.drafting.create(reader, form);
		this.lifecycle.circulate(reader, document);
		link(candidacy, document);
		return document;
	}

	/**
	 * Puts the candidacy to the Plenary with a selection decision the Chair's office drafted
	 * itself (an Administrative Decision it can see).
	 */
	@Transactional
	public void putToSelection(Reader reader, long id, long documentId) {
		if (!this.policy.preparesSelection(reader)) {
			throw new AccessDeniedException("The Chair's office prepares the selection decision");
		}
		Candidacy candidacy = current(id);
		requireSelectable(candidacy);
		if (this.documents.visible(reader, documentId).getType() != DocumentType.ADMINISTRATIVE_DECISION) {
			throw new InvalidInputException(null, "candidacy.select.notDecision");
		}
		link(candidacy, documentId);
	}

	private void link(Candidacy candidacy, long document) {
		candidacy.putToSelection(document);
		this.schedule.awaitSelection(candidacy.getYear(), candidacy.getOrganisationId(), document);
	}

	private void requireSelectable(Candidacy candidacy) {
		if (!Boolean.TRUE.equals(candidacy.getEligible())) {
			throw new InvalidInputException(null, "candidacy.select.notEligible");
		}
		if (this.candidacies.findByYearOrderBySubmittedAt(candidacy.getYear())
			.stream()
			.anyMatch((other) -> other.getSelectionDocumentId() != null)) {
			throw new InvalidInputException(null, "candidacy.select.already");
		}
	}

	private Candidacy current(long id) {
		return this.candidacies.findById(id)
			.filter((candidacy) -> candidacy.getYear() == this.schedule.currentYear() + 1)
			.orElseThrow(NotFoundException::new);
	}

	/** The committee is chaired by the previous year's Chair: derived, never typed. */
	private Long committeeChair() {
		return this.terms.findById(this.schedule.currentYear() - 1).map(ChairTerm::getChairOrganisationId).orElse(null);
	}

	private boolean assesses(Reader user) {
		return this.policy.assessesCandidacies(user, committeeChair());
	}

	public record Row(Candidacy candidacy, OrganisationRef organisation) {
	}

	public record CandidaciesPage(int year, OrganisationRef chair, OrganisationRef committeeChair, List<Row> rows,
			boolean maySubmit, boolean mayAssess, boolean mayPutToSelection) {
	}

}

interface CandidacyRepository extends JpaRepository<Candidacy, Long> {

	List<Candidacy> findByYearOrderBySubmittedAt(int year);

	@Query("select c from Candidacy c where c.year = :year and c.organisationId = :organisationId")
	Optional<Candidacy> findByYearAndOrganisationId(@Param("year") int year,
			@Param("organisationId") long organisationId);

}
