package org.kimberleyprocess.portal.home;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.annualreports.ComplianceBoard;
import org.kimberleyprocess.portal.annualreports.ComplianceBoard.Duties;
import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.ConsensusService.OpenRound;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Document;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.DocumentReading.Changed;
import org.kimberleyprocess.portal.documents.DocumentReading.CommentHit;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.meetings.MeetingService.Upcoming;
import org.kimberleyprocess.portal.notifications.Inbox;
import org.kimberleyprocess.portal.notifications.Inbox.Entry;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService;
import org.kimberleyprocess.portal.reviewvisits.ReviewVisitService.Step;
import org.kimberleyprocess.portal.statistics.StatisticsReturns;
import org.kimberleyprocess.portal.statistics.StatisticsReturns.PeriodStatus;

/**
 * What awaits the signed-in reader, gathered from each module through the reading methods the
 * module's own pages use, so the home page shows nothing its link would not open: rounds awaiting
 * the delegation's position and rounds the reader closes, documents changed since last read,
 * replies to the reader's comments, the next meetings, review-visit steps, annual-report and
 * statistics duties, communiqués to publish and unread notifications. Each list is short and
 * read in a fixed number of statements, in one read-only transaction.
 */
@Service
@Transactional(readOnly = true)
class HomeAgenda {

	/** How many entries each list shows; the page it links to has the rest. */
	static final int SHOWN = 5;

	/** Replies this recent are listed. */
	static final Duration REPLIES_SINCE = Duration.ofDays(30);

	private final ConsensusService consensus;

	private final DocumentReading documents;

	private final MeetingService meetings;

	private final ReviewVisitService visits;

	private final ComplianceBoard reports;

	private final StatisticsReturns statistics;

	private final CommuniqueService communiques;

	private final Inbox inbox;

	private final Clock clock;

	HomeAgenda(ConsensusService consensus, DocumentReading documents, MeetingService meetings,
			ReviewVisitService visits, ComplianceBoard reports, StatisticsReturns statistics,
			CommuniqueService communiques, Inbox inbox, Clock clock) {
		this.consensus = consensus;
		this.documents = documents;
		this.meetings = meetings;
		this.visits = visits;
		this.reports = reports;
		this.statistics = statistics;
		this.communiques = communiques;
		this.inbox = inbox;
		this.clock = clock;
	}

	Agenda of(Reader reader, Locale locale) {
		List<OpenRound> open = this.consensus.openRounds(reader);
		return new Agenda(open.stream().filter(OpenRound::awaitingMyDelegation).toList(),
				open.stream().filter(OpenRound::closes).toList(), this.communiques.awaitingPublication(reader),
				this.documents.changedSinceRead(reader, SHOWN),
				this.documents.repliesTo(reader, this.clock.instant().minus(REPLIES_SINCE), SHOWN),
				this.meetings.upcoming(reader, SHOWN), this.visits.stepsFor(reader), this.reports.duties(reader),
				this.statistics.owedBy(reader), this.inbox.latestUnread(reader, SHOWN, locale));
	}

	/** Everything the home page lists; an empty list is a section the page leaves out or says is clear. */
	public record Agenda(List<OpenRound> awaitingPosition, List<OpenRound> toClose, List<Document> toPublish,
			List<Changed> changed, List<CommentHit> replies, List<Upcoming> meetings, List<Step> visitSteps,
			Duties reports, List<PeriodStatus> statistics, List<Entry> notifications) {

		/** Whether anything asks the reader to act. */
		public boolean nothingToDo() {
			return this.awaitingPosition.isEmpty() && this.toClose.isEmpty() && this.toPublish.isEmpty()
					&& this.visitSteps.isEmpty() && this.reports.own() == null && this.reports.overdue() == 0
					&& this.statistics.isEmpty();
		}

	}

}
