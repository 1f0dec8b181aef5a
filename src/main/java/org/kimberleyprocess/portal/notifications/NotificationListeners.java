package org.kimberleyprocess.portal.notifications;

import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.chairs.ChairEvents;
import org.kimberleyprocess.portal.communiques.CommuniqueEvents;
import org.kimberleyprocess.portal.consensus.ConsensusEvents;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.documents.DocumentEvents;
import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.meetings.MeetingEvents;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitEvents;

/**
 * Turns what the modules announce into notifications for the people concerned; the
 * {@link Notifier} keeps only those who may open what the notification links to. Each listener runs after the announcing
 * transaction commits, in its own transaction, through the event publication registry: if it
 * fails, the publication stays incomplete and is delivered again.
 */
@Component
class NotificationListeners {


	private final Notifier notifier;

	private final DirectoryQueries directory;

	private final AccountDirectory accounts;

	private final DocumentRecords records;

	private final ConsensusService consensus;

	private final MeetingService meetings;

	NotificationListeners(Notifier notifier, DirectoryQueries directory, AccountDirectory accounts,
			DocumentRecords records, ConsensusService consensus, MeetingService meetings) {
		this.notifier = notifier;
		this.directory = directory;
		this.accounts = accounts;
		this.records = records;
		this.consensus = consensus;
		this.meetings = meetings;
	}

	@ApplicationModuleListener
	void roundOpened(ConsensusEvents.RoundOpened event) {
		List<Long> heads = this.directory.peopleWithRoles(this.consensus.eligibleOf(event.roundId()),
				Role.HEAD_OF_DELEGATION, Role.ALTERNATE);
		this.notifier.notify(heads, NotificationType.ROUND_OPENED,
				"/documents/" + event.documentId() + "/consensus",
				List.of(title(event.documentId()), Messages.key("consensus.kind." + event.kind().name()),
						event.deadline() == null ? "—" : Messages.time(event.deadline())));
	}

	@ApplicationModuleListener
	void positionRecorded(ConsensusEvents.PositionRecorded event) {
		this.notifier.notify(
				this.directory.peopleWithRoles(List.of(event.organisationId()), Role.HEAD_OF_DELEGATION,
						Role.ALTERNATE),
				NotificationType.POSITION_RECORDED, "/documents/" + event.documentId() + "/consensus",
				List.of(title(event.documentId()), Messages.key("consensus.position." + event.position().name()),
						event.recordedBy()));
	}

	@ApplicationModuleListener
	void roundClosed(ConsensusEvents.RoundClosed event) {
		if (!event.adopted()) {
			return;
		}
		this.notifier.notify(audience(), NotificationType.DOCUMENT_ADOPTED,
				"/documents/" + event.documentId(), List.of(title(event.documentId()),
						event.officialNumber() == null ? "" : event.officialNumber()));
	}

	@ApplicationModuleListener
	void circulated(DocumentEvents.Circulated event) {
		this.notifier.notify(audience(), NotificationType.DOCUMENT_CIRCULATED,
				"/documents/" + event.documentId(), List.of(event.title()));
	}

	@ApplicationModuleListener
	void commentPosted(DocumentEvents.CommentPosted event) {
		if (event.repliedToAuthorId() == null || event.repliedToAuthorId() == event.authorId()) {
			return;
		}
		this.notifier.notify(List.of(event.repliedToAuthorId()),
				NotificationType.COMMENT_REPLY, "/documents/" + event.documentId() + "/comments/" + event.commentId(),
				List.of(event.authorName(), title(event.documentId())));
	}

	@ApplicationModuleListener
	void suggestionAccepted(DocumentEvents.SuggestionAccepted event) {
		this.notifier.notify(List.of(event.proposerId()),
				NotificationType.SUGGESTION_ACCEPTED, "/documents/" + event.documentId(),
				List.of(title(event.documentId()), String.valueOf(event.versionNumber()), event.acceptedBy()));
	}

	@ApplicationModuleListener
	void communiquePublished(CommuniqueEvents.Published event) {
		this.notifier.notify(audience(), NotificationType.COMMUNIQUE_PUBLISHED, event.path(),
				List.of(event.title(), Messages.key(event.revision() == 1 ? "notification.published.original"
						: "notification.published.corrigendum")));
	}

	@ApplicationModuleListener
	void visitMoved(ReviewVisitEvents.Moved event) {
		List<Long> host = this.directory.peopleWithRoles(List.of(event.hostOrganisationId()), Role.HEAD_OF_DELEGATION,
				Role.ALTERNATE);
		this.notifier.notify(host, NotificationType.VISIT_MOVED, "/review-visits/" + event.visitId(),
				List.of(this.directory.organisationInfo(event.hostOrganisationId()).name(java.util.Locale.ENGLISH),
						Messages.key("visit.status." + event.to())));
	}

	@ApplicationModuleListener
	void agendaChanged(MeetingEvents.AgendaChanged event) {
		this.notifier.notify(this.meetings.attendees(event.meetingId()), NotificationType.AGENDA_CHANGED,
				"/meetings/" + event.meetingId(), List.of(event.meetingTitle(), event.item()));
	}

	/** Administrators are told at once when a year begins without a Chair in the rotation. */
	@ApplicationModuleListener
	void rotationMissing(ChairEvents.RotationMissing event) {
		this.notifier.notify(this.directory.peopleWithRoles(null, Role.SYSTEM_ADMINISTRATOR),
				NotificationType.ROTATION_MISSING, "/admin/chairs", List.of(String.valueOf(event.year())));
	}

	/** The head and alternate of a delegation whose annual report is due soon or overdue. */
	@ApplicationModuleListener
	void annualReportDue(org.kimberleyprocess.portal.annualreports.AnnualReportEvents.ReminderDue event) {
		this.notifier.notify(
				this.directory.peopleWithRoles(List.of(event.organisationId()), Role.HEAD_OF_DELEGATION, Role.ALTERNATE),
				NotificationType.ANNUAL_REPORT_DUE, "/annual-reports",
				List.of(String.valueOf(event.year()), Messages.day(event.dueDate()),
						Messages.key("annualReports.reminder." + event.kind())));
	}

	/** Heads and alternates of delegations, Observers' representatives and the Chair's office. */
	private List<Long> audience() {
		return this.directory.peopleWithRoles(null, Role.HEAD_OF_DELEGATION, Role.ALTERNATE,
				Role.OBSERVER_REPRESENTATIVE, Role.CHAIRS_OFFICE);
	}

	private String title(long documentId) {
		Map<Long, String> titles = this.records.titles(List.of(documentId));
		return titles.getOrDefault(documentId, "");
	}

}
