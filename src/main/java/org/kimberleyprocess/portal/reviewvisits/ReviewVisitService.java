package org.kimberleyprocess.portal.reviewvisits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.consensus.ConsensusEvents;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationInfo;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.ObserverCategory;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.ParticipantStatus;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.reviewvisits.VisitForms.Offer;
import org.kimberleyprocess.portal.shared.FullText;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Language;
import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The review-visit lifecycle. Each transition belongs to one role: the host's head of delegation
 * or alternate offers (and may withdraw or postpone), the chair of the Working Group on
 * Monitoring runs the visit, experts volunteer, the Chair's office publishes a report the host
 * agreed to make public.
 */
@Service
@Transactional(readOnly = true)
public class ReviewVisitService {

	static final String MONITORING_GROUP = "wgm";

	private final ReviewVisitRepository visits;

	private final VisitEventRepository events;

	private final VolunteerRepository volunteers;

	private final DirectoryQueries directory;

	private final DocumentReading documents;

	private final Drafting drafting;

	private final DocumentRecords records;

	private final DocumentLifecycle lifecycle;

	private final Clock clock;

	private final int reportMonths;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	private final ReviewVisitPolicy policy;

	private final MessageSource messages;

	ReviewVisitService(ReviewVisitRepository visits, VisitEventRepository events, VolunteerRepository volunteers,
			DirectoryQueries directory, DocumentReading documents, Drafting drafting, DocumentRecords records,
			DocumentLifecycle lifecycle, Clock clock, @Value("${portal.review-visits.report-months:3}") int reportMonths,
			org.springframework.context.ApplicationEventPublisher publisher, ReviewVisitPolicy policy,
			MessageSource messages) {
		this.messages = messages;
		this.policy = policy;
		this.publisher = publisher;
		this.visits = visits;
		this.events = events;
		this.volunteers = volunteers;
		this.directory = directory;
		this.documents = documents;
		this.drafting = drafting;
		this.records = records;
		this.lifecycle = lifecycle;
		this.clock = clock;
		this.reportMonths = reportMonths;
	}

	// Reading

	public Page<VisitRow> register(Reader reader, Integer year, VisitStatus status, Pageable pageable) {
		Set<VisitStatus> shown = this.policy.shownStatuses(reader);
		Map<Long, OrganisationRef> hosts = organisations();
		LocalDate today = today();
		return this.visits.findRegister(year, status, shown, pageable)
			.map((visit) -> new VisitRow(visit, hosts.get(visit.getHostOrganisationId()),
					visit.isReportOverdue(today)));
	}

	/**
	 * Visits whose host's name (or, for signed-in readers, the scope and period) contain the text,
	 * among those the register shows the reader, the most recently offered first, at most
	 * {@code limit}.
	 */
	public List<VisitRow> search(Reader reader, String text, int limit) {
		String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
		if (needle.isEmpty()) {
			return List.of();
		}
		Map<Long, OrganisationRef> hosts = organisations();
		LocalDate today = today();
		Set<VisitStatus> shown = this.policy.shownStatuses(reader);
		boolean internals = this.policy.seesInternals(reader);
		return this.visits.findRegister(null, null, shown, org.springframework.data.domain.PageRequest.of(0, 1000))
			.stream()
			.filter((visit) -> {
				OrganisationRef host = hosts.get(visit.getHostOrganisationId());
				String en = host == null ? "" : host.name().en();
				String fr = host == null ? "" : host.name().fr();
				return internals
						? FullText.matchesAll(needle, en, fr, visit.getScope(), visit.getPreferredPeriod())
						: FullText.matchesAll(needle, en, fr);
			})
			.sorted(java.util.Comparator.comparing(ReviewVisit::getCreatedAt, java.util.Comparator.reverseOrder()))
			.limit(limit)
			.map((visit) -> new VisitRow(visit, hosts.get(visit.getHostOrganisationId()), visit.isReportOverdue(today)))
			.toList();
	}

	public List<Integer> years() {
		return this.visits.findYears();
	}

	public VisitPage visit(Reader reader, long id) {
		ReviewVisit visit = this.visits.findById(id).orElseThrow(NotFoundException::new);
		if (!this.policy.canSee(reader, visit)) {
			throw new NotFoundException();
		}
		OrganisationInfo host = this.directory.organisationInfo(visit.getHostOrganisationId());
		boolean internals = this.policy.seesInternals(reader);
		List<Volunteer> team = internals ? this.volunteers.findByVisit(id) : List.of();
		List<VisitEvent> timeline = internals ? this.events.findTimeline(id) : List.of();
		boolean chair = this.policy.isMonitoringChair(reader, this.documents.workingGroupId(MONITORING_GROUP));
		boolean hosting = this.policy.isHost(reader, visit);
		boolean mayVolunteer = visit.getStatus() == VisitStatus.TEAM_FORMING && this.policy.mayVolunteer(reader, visit)
				&& team.stream().noneMatch((v) -> v.getAccountId() == reader.accountId());
		boolean reportReadable = visit.getReportDocumentId() != null
				&& !this.documents.visibleAmong(reader, List.of(visit.getReportDocumentId())).isEmpty();
		return new VisitPage(visit, host, team, timeline, chair, hosting, this.policy.mayPublishReport(reader),
				mayVolunteer, visit.isReportOverdue(today()), reportReadable,
				team.stream().anyMatch(Volunteer::isSelected)
						? TeamRules.broken(visit.getHostOrganisationId(),
								team.stream().filter(Volunteer::isSelected).toList())
						: List.of());
	}

	/** Those of the visits the reader may see. */
	public Set<Long> visibleAmong(Reader reader, java.util.Collection<Long> ids) {
		return this.visits.findAllById(ids)
			.stream()
			.filter((visit) -> this.policy.canSee(reader, visit))
			.map(ReviewVisit::getId)
			.collect(java.util.stream.Collectors.toSet());
	}

	/** Scheduled visits for the reader's calendar feed, as the register shows them to the reader. */
	public List<VisitRow> scheduled(Reader reader) {
		Map<Long, OrganisationRef> hosts = organisations();
		return this.visits.findScheduled()
			.stream()
			.filter((visit) -> this.policy.canSee(reader, visit))
			.map((visit) -> new VisitRow(visit, hosts.get(visit.getHostOrganisationId()), false))
			.toList();
	}

	/**
	 * The visits on which the reader has the next step to take, with that step: the chair of the
	 * Working Group on Monitoring moves a visit along, its host re-offers, comments, schedules and
	 * consents, and the Chair's office publishes a report the host consented to.
	 */
	public List<Step> stepsFor(Reader reader) {
		boolean chair = this.policy.isMonitoringChair(reader, this.documents.workingGroupId(MONITORING_GROUP));
		if (!chair && !reader.actsForDelegation() && !this.policy.mayPublishReport(reader)) {
			return List.of();
		}
		List<ReviewVisit> under = this.visits.findUnder(EnumSet.of(VisitStatus.DECLINED, VisitStatus.WITHDRAWN));
		if (under.isEmpty()) {
			return List.of();
		}
		LocalDate today = today();
		Map<ReviewVisit, String> steps = new java.util.LinkedHashMap<>();
		for (ReviewVisit visit : under) {
			String step = stepOf(reader, visit, chair, today);
			if (step != null) {
				steps.put(visit, step);
			}
		}
		if (steps.isEmpty()) {
			return List.of();
		}
		Map<Long, OrganisationRef> hosts = organisations();
		return steps.entrySet()
			.stream()
			.map((entry) -> new Step(new VisitRow(entry.getKey(), hosts.get(entry.getKey().getHostOrganisationId()),
					entry.getKey().isReportOverdue(today)), entry.getValue()))
			.toList();
	}

	private String stepOf(Reader reader, ReviewVisit visit, boolean chair, LocalDate today) {
		boolean host = this.policy.isHost(reader, visit);
		VisitStatus status = visit.getStatus();
		if (chair) {
			String step = switch (status) {
				case OFFERED -> "accept";
				case ACCEPTED -> "callForExperts";
				case TEAM_FORMING -> "confirmTeam";
				case TEAM_CONFIRMED -> "schedule";
				case SCHEDULED -> (visit.getEndDate() != null && visit.getEndDate().isBefore(today)) ? "complete" : null;
				case COMPLETED -> "startReport";
				case DRAFT_REPORT -> "sendToHost";
				case REPORT_ADOPTED -> "closeFollowUp";
				default -> null;
			};
			if (step != null) {
				return step;
			}
		}
		if (host) {
			String step = switch (status) {
				case TEAM_CONFIRMED -> "schedule";
				case POSTPONED -> "reoffer";
				case HOST_COMMENTS -> "comment";
				case REPORT_ADOPTED, FOLLOW_UP_CLOSED -> visit.isHostConsents() ? null : "consent";
				default -> null;
			};
			if (step != null) {
				return step;
			}
		}
		if (this.policy.mayPublishReport(reader) && visit.isHostConsents() && !visit.isReportPublic()) {
			return "publish";
		}
		return null;
	}

	/** A visit on which the reader has a step to take, named by a message key's last part. */
	public record Step(VisitRow row, String step) {
	}

	// Acting

	@Transactional
	public long offer(Reader reader, Offer form) {
		if (!this.policy.mayOffer(reader)) {
			throw new AccessDeniedException("Offers are made by a head of delegation or an alternate");
		}
		OrganisationInfo host = this.directory.organisationInfo(reader.organisationId());
		if (host.kind() != OrganisationKind.PARTICIPANT || host.participantStatus() != ParticipantStatus.ACTIVE) {
			throw new InvalidInputException(null, "visit.offer.notActive");
		}
		ReviewVisit visit = new ReviewVisit(host.id(), form.getPreferredYear(), form.getPreferredPeriod().strip(),
				form.getScope().strip(), form.getContactPerson().strip(),
				StringUtils.hasText(form.getRemarks()) ? form.getRemarks().strip() : null, this.clock.instant());
		this.visits.save(visit);
		record(visit, null, VisitStatus.OFFERED, reader, null);
		return visit.getId();
	}

	@Transactional
	public void accept(Reader reader, long id) {
		transition(reader, id, Role.MONITORING_CHAIR, VisitStatus.ACCEPTED, EnumSet.of(VisitStatus.OFFERED), null);
	}

	@Transactional
	public void decline(Reader reader, long id, Localized reason) {
		transition(reader, id, Role.MONITORING_CHAIR, VisitStatus.DECLINED, EnumSet.of(VisitStatus.OFFERED), reason);
	}

	@Transactional
	public void callForExperts(Reader reader, long id) {
		transition(reader, id, Role.MONITORING_CHAIR, VisitStatus.TEAM_FORMING, EnumSet.of(VisitStatus.ACCEPTED), null);
	}

	@Transactional
	public void volunteer(Reader reader, long id) {
		ReviewVisit visit = this.visits.findById(id).orElseThrow(NotFoundException::new);
		if (visit.getStatus() != VisitStatus.TEAM_FORMING) {
			throw new InvalidInputException(null, "visit.state.wrong");
		}
		if (!this.policy.mayVolunteer(reader, visit)) {
			throw new AccessDeniedException("Experts come from Participants other than the host, and Observers");
		}
		if (this.volunteers.findByVisitIdAndAccountId(id, reader.accountId()).isPresent()) {
			throw new InvalidInputException(null, "visit.volunteer.already");
		}
		OrganisationInfo organisation = this.directory.organisationInfo(reader.organisationId());
		this.volunteers.save(new Volunteer(id, reader.accountId(), reader.name(), organisation.id(), organisation.name(),
				affiliation(organisation), this.clock.instant()));
	}

	/** Confirms the team the chair selected, unless it breaks a rule: then nothing is saved. */
	@Transactional
	public void confirmTeam(Reader reader, long id, Set<Long> members, Long leader) {
		ReviewVisit visit = owned(reader, id, Role.MONITORING_CHAIR);
		if (visit.getStatus() != VisitStatus.TEAM_FORMING) {
			throw new InvalidInputException(null, "visit.state.wrong");
		}
		List<Volunteer> candidates = this.volunteers.findByVisit(id);
		Set<Long> known = candidates.stream().map(Volunteer::getId).collect(Collectors.toSet());
		if (!known.containsAll(members) || (leader != null && !members.contains(leader))) {
			throw new InvalidInputException("members", "visit.team.unknownMember");
		}
		candidates.forEach((v) -> v.choose(members.contains(v.getId()), v.getId().equals(leader)));
		List<String> broken = TeamRules.broken(visit.getHostOrganisationId(),
				candidates.stream().filter(Volunteer::isSelected).toList());
		if (!broken.isEmpty()) {
			throw new TeamRejected(broken);
		}
		move(reader, visit, VisitStatus.TEAM_CONFIRMED, EnumSet.of(VisitStatus.TEAM_FORMING), null);
	}

	@Transactional
	public void schedule(Reader reader, long id, LocalDate start, LocalDate end) {
		ReviewVisit visit = this.visits.findById(id).orElseThrow(NotFoundException::new);
		if (!this.policy.isMonitoringChair(reader, this.documents.workingGroupId(MONITORING_GROUP)) && !this.policy.isHost(reader, visit)) {
			throw new AccessDeniedException("Dates are set by the working group's chair or the host");
		}
		if (end.isBefore(start)) {
			throw new InvalidInputException("end", "visit.dates.endBeforeStart");
		}
		for (Volunteer member : this.volunteers.findByVisit(id)) {
			if (member.isSelected() && !this.visits
				.findOverlapping(id, member.getAccountId(), start, end,
						EnumSet.of(VisitStatus.SCHEDULED, VisitStatus.COMPLETED))
				.isEmpty()) {
				throw new InvalidInputException("start", "visit.dates.memberBusy", member.getPersonName());
			}
		}
		visit.schedule(start, end);
		move(reader, visit, VisitStatus.SCHEDULED, EnumSet.of(VisitStatus.TEAM_CONFIRMED, VisitStatus.SCHEDULED),
				VisitEvent.period(start, end));
	}

	@Transactional
	public void complete(Reader reader, long id) {
		ReviewVisit visit = owned(reader, id, Role.MONITORING_CHAIR);
		move(reader, visit, VisitStatus.COMPLETED, EnumSet.of(VisitStatus.SCHEDULED), null);
		visit.complete(this.reportMonths);
	}

	/** Starts the draft report: a review report of the working group, readable by the host. */
	@Transactional
	public long startReport(Reader reader, long id) {
		ReviewVisit visit = owned(reader, id, Role.MONITORING_CHAIR);
		move(reader, visit, VisitStatus.DRAFT_REPORT, EnumSet.of(VisitStatus.COMPLETED), null);
		OrganisationInfo host = this.directory.organisationInfo(visit.getHostOrganisationId());
		Language language = Language.of(LocaleContextHolder.getLocale());
		Object[] hostName = { host.name().in(language.locale()) };
		NewDocument form = new NewDocument();
		form.setType(DocumentType.REVIEW_REPORT);
		form.setLanguage(language);
		form.setBody(String.valueOf(this.documents.workingGroupId(MONITORING_GROUP)));
		form.setYear(visit.getPreferredYear());
		form.setConfidentiality(Confidentiality.WORKING_GROUP);
		form.setTitle(this.messages.getMessage("visit.report.title", hostName, language.locale()));
		form.setText(this.messages.getMessage("visit.report.text", hostName, language.locale()));
		long document = this.drafting.create(reader, form);
		this.records.grantReading(document, host.id());
		visit.attachReport(document);
		return document;
	}

	/** Circulates the draft to the host, whose comments are collected on the document. */
	@Transactional
	public void sendToHost(Reader reader, long id) {
		ReviewVisit visit = owned(reader, id, Role.MONITORING_CHAIR);
		move(reader, visit, VisitStatus.HOST_COMMENTS, EnumSet.of(VisitStatus.DRAFT_REPORT), null);
		this.lifecycle.circulate(reader, visit.getReportDocumentId());
	}

	/** The report is adopted when the working group's consensus round on it adopts the text. */
	@ApplicationModuleListener
	void onRoundClosed(ConsensusEvents.RoundClosed event) {
		if (!event.adopted()) {
			return;
		}
		this.visits.findByReportDocumentId(event.documentId())
			.stream()
			.filter((visit) -> visit.getStatus() == VisitStatus.HOST_COMMENTS
					|| visit.getStatus() == VisitStatus.DRAFT_REPORT)
			.forEach((visit) -> {
				VisitStatus from = visit.move(VisitStatus.REPORT_ADOPTED,
						EnumSet.of(VisitStatus.HOST_COMMENTS, VisitStatus.DRAFT_REPORT));
				this.events.save(new VisitEvent(visit.getId(), from, VisitStatus.REPORT_ADOPTED,
						"Working Group on Monitoring", event.officialNumber(), null, event.at()));
				this.publisher.publishEvent(new ReviewVisitEvents.Moved(visit.getId(), visit.getHostOrganisationId(),
						from.name(), VisitStatus.REPORT_ADOPTED.name()));
			});
	}

	@Transactional
	public void closeFollowUp(Reader reader, long id) {
		transition(reader, id, Role.MONITORING_CHAIR, VisitStatus.FOLLOW_UP_CLOSED,
				EnumSet.of(VisitStatus.REPORT_ADOPTED), null);
	}

	@Transactional
	public void withdraw(Reader reader, long id, Localized reason) {
		transition(reader, id, Role.HOST_OR_CHAIR, VisitStatus.WITHDRAWN, VisitStatus.BEFORE_COMPLETION, reason);
	}

	@Transactional
	public void postpone(Reader reader, long id, Localized reason) {
		transition(reader, id, Role.HOST_OR_CHAIR, VisitStatus.POSTPONED, VisitStatus.BEFORE_COMPLETION, reason);
	}

	/** A postponed visit is offered again by its host. */
	@Transactional
	public void reoffer(Reader reader, long id) {
		transition(reader, id, Role.HOST, VisitStatus.OFFERED, EnumSet.of(VisitStatus.POSTPONED), null);
	}

	@Transactional
	public void consentToPublication(Reader reader, long id) {
		ReviewVisit visit = owned(reader, id, Role.HOST);
		if (visit.getStatus() != VisitStatus.REPORT_ADOPTED && visit.getStatus() != VisitStatus.FOLLOW_UP_CLOSED) {
			throw new InvalidInputException(null, "visit.state.wrong");
		}
		visit.consentToPublication();
		record(visit, visit.getStatus(), visit.getStatus(), reader, VisitEvent.said("visit.note.consent"));
	}

	@Transactional
	public void publishReport(Reader reader, long id) {
		ReviewVisit visit = this.visits.findById(id).orElseThrow(NotFoundException::new);
		if (!this.policy.mayPublishReport(reader)) {
			throw new AccessDeniedException("Reports are published by the Chair's office");
		}
		if (!visit.isHostConsents() || visit.getReportDocumentId() == null) {
			throw new InvalidInputException(null, "visit.publish.noConsent");
		}
		this.records.makePublic(visit.getReportDocumentId());
		visit.publishReport();
		record(visit, visit.getStatus(), visit.getStatus(), reader, VisitEvent.said("visit.note.published"));
	}

	// Rules

	private enum Role {

		MONITORING_CHAIR, HOST, HOST_OR_CHAIR

	}

	/** A step, with the reason a person gives (in English and, if they give it, in French) or none. */
	private void transition(Reader reader, long id, Role role, VisitStatus to, Set<VisitStatus> from,
			Localized reason) {
		ReviewVisit visit = owned(reader, id, role);
		move(reader, visit, to, from, (reason == null) ? null : reason.en(), (reason == null) ? null : reason.fr());
	}

	private ReviewVisit owned(Reader reader, long id, Role role) {
		ReviewVisit visit = this.visits.findById(id).orElseThrow(NotFoundException::new);
		boolean allowed = switch (role) {
			case MONITORING_CHAIR -> this.policy.isMonitoringChair(reader, this.documents.workingGroupId(MONITORING_GROUP));
			case HOST -> this.policy.isHost(reader, visit);
			case HOST_OR_CHAIR -> this.policy.isHost(reader, visit) || this.policy.isMonitoringChair(reader, this.documents.workingGroupId(MONITORING_GROUP));
		};
		if (!allowed) {
			throw new AccessDeniedException("This step belongs to another role");
		}
		return visit;
	}

	private void move(Reader reader, ReviewVisit visit, VisitStatus to, Set<VisitStatus> from, String note) {
		move(reader, visit, to, from, note, null);
	}

	private void move(Reader reader, ReviewVisit visit, VisitStatus to, Set<VisitStatus> from, String note,
			String noteFr) {
		VisitStatus previous;
		try {
			previous = visit.move(to, from);
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "visit.state.wrong");
		}
		record(visit, previous, to, reader, note, noteFr);
	}

	private void record(ReviewVisit visit, VisitStatus from, VisitStatus to, Reader reader, String note) {
		record(visit, from, to, reader, note, null);
	}

	private void record(ReviewVisit visit, VisitStatus from, VisitStatus to, Reader reader, String note,
			String noteFr) {
		this.events.save(new VisitEvent(visit.getId(), from, to, reader.name() + " (" + reader.organisationName().en() + ")",
				StringUtils.hasText(note) ? note.strip() : null, StringUtils.hasText(noteFr) ? noteFr.strip() : null,
				this.clock.instant()));
		this.publisher.publishEvent(new ReviewVisitEvents.Moved(visit.getId(), visit.getHostOrganisationId(),
				from == null ? null : from.name(), to.name()));
	}

	private static Affiliation affiliation(OrganisationInfo organisation) {
		if (organisation.kind() == OrganisationKind.PARTICIPANT) {
			return Affiliation.PARTICIPANT;
		}
		if (organisation.observerCategory() == ObserverCategory.INDUSTRY) {
			return Affiliation.INDUSTRY;
		}
		if (organisation.observerCategory() == ObserverCategory.CIVIL_SOCIETY) {
			return Affiliation.CIVIL_SOCIETY;
		}
		return Affiliation.OTHER;
	}

	private Map<Long, OrganisationRef> organisations() {
		return this.directory.organisations()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	public record VisitRow(ReviewVisit visit, OrganisationRef host, boolean overdue) {
	}

	public record VisitPage(ReviewVisit visit, OrganisationInfo host, List<Volunteer> team, List<VisitEvent> timeline,
			boolean monitoringChair, boolean hosting, boolean chairsOffice, boolean mayVolunteer, boolean overdue,
			boolean reportReadable, List<String> brokenRules) {
	}

	/** The proposed team breaks these rules; nothing was saved. */
	public static class TeamRejected extends RuntimeException {

		private final List<String> rules;

		TeamRejected(List<String> rules) {
			super("Team rules broken: " + rules);
			this.rules = List.copyOf(rules);
		}

		public List<String> rules() {
			return this.rules;
		}

	}

}
