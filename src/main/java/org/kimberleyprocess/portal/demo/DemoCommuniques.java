package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.kimberleyprocess.portal.shared.Localized;
import org.kimberleyprocess.portal.communiques.CommuniqueForms.Corrigendum;
import org.kimberleyprocess.portal.communiques.CommuniqueForms.Publication;
import org.kimberleyprocess.portal.communiques.CommuniqueService;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.meetings.Meeting;
import org.kimberleyprocess.portal.meetings.MeetingService;
import org.kimberleyprocess.portal.shared.PortalClock;

/**
 * The communiqués published before the demo week, written afresh for the demo: the 2015 Luanda
 * Plenary's (with a corrigendum, and the Administrative Decision that took effect with it) and the
 * June 2016 Dubai Intersessional's. Each is adopted at its meeting and published through the portal.
 */
final class DemoCommuniques {

	static final String LUANDA = """
			# Kimberley Process Plenary, Luanda, 16–19 November 2015: Final Communiqué

			1. The Plenary of the Kimberley Process met in Luanda from 16 to 19 November 2015, under the chairmanship of Angola.

			2. The Plenary welcomed the delegations of the Participants, the Observers and the guests of the Chair, and thanked Angola for hosting the meeting.

			3. The Plenary welcomed the progress of the Central African Republic in implementing the administrative decision and operational framework for the resumption of exports, and asked the monitoring team to continue its work in 2016.

			4. The Plenary thanked the Participants that received review visits in 2015 and encouraged others to invite one.

			5. The Plenary selected Australia as Vice-Chair for 2016, to become Chair on 1 January 2017.

			6. The next Plenary will be held in the United Arab Emirates in 2016.
			""";

	static final String LUANDA_CORRECTED = LUANDA.replace("to become Chair on 1 January 2017",
			"to become Chair of the Kimberley Process on 1 January 2017");

	static final String LUANDA_VICE_CHAIR = """
			# Administrative Decision on the selection of the Vice-Chair for 2016

			The Plenary,

			1. Selects Australia as Vice-Chair of the Kimberley Process for 2016;

			2. Recalls that the Vice-Chair becomes Chair on 1 January of the following year.
			""";

	static final String INTERSESSIONAL = """
			# Kimberley Process Intersessional meeting, Dubai, 6–9 June 2016: Communiqué

			1. The Intersessional meeting of the Kimberley Process was held in Dubai from 6 to 9 June 2016, under the chairmanship of the United Arab Emirates.

			2. The meeting heard the reports of the working groups and committees on their work since the 2015 Plenary.

			3. The meeting held a special forum on the valuation of rough diamonds and agreed to continue the discussion at the Plenary.

			4. The meeting took note of the Chair's proposal to establish a permanent secretariat and asked the Participants to send their views before the Plenary.
			""";

	private final Drafting drafting;

	private final DocumentLifecycle lifecycle;

	private final ConsensusService consensus;

	private final MeetingService meetings;

	private final CommuniqueService communiques;

	private final Function<String, Reader> as;

	private final PortalClock clock;

	private final ToLongFunction<String> organisation;

	DemoCommuniques(Drafting drafting, DocumentLifecycle lifecycle, ConsensusService consensus, MeetingService meetings,
			CommuniqueService communiques, Function<String, Reader> as, PortalClock clock,
			ToLongFunction<String> organisation) {
		this.drafting = drafting;
		this.lifecycle = lifecycle;
		this.consensus = consensus;
		this.meetings = meetings;
		this.communiques = communiques;
		this.as = as;
		this.clock = clock;
		this.organisation = organisation;
	}

	/** Publishes the Luanda and Intersessional communiqués; the Intersessional meeting must exist already. */
	void run(long intersessional) {
		Reader chair = this.as.apply("chair");
		at("2015-10-01T09:00:00Z");
		long luanda = this.meetings.create(chair, Meeting.Kind.PLENARY,
				new Localized("Plenary meeting 2015", "Réunion plénière 2015"), this.organisation.applyAsLong("ao"),
				new Localized("Luanda", null), LocalDate.of(2015, 11, 16), LocalDate.of(2015, 11, 19));
		long decision = adopted(chair, DocumentType.ADMINISTRATIVE_DECISION, "PLENARY", 2015, LUANDA_VICE_CHAIR,
				"2015-11-02T09:00:00Z", "2015-11-18T10:00:00Z");
		long communique = adopted(chair, DocumentType.COMMUNIQUE, "PLENARY", 2015, LUANDA, "2015-11-10T09:00:00Z",
				"2015-11-19T15:00:00Z");
		this.meetings.addItem(chair, luanda, "Selection of the Vice-Chair for 2016", decision);
		this.meetings.addItem(chair, luanda, "Final Communiqué", communique);
		at("2015-11-25T10:00:00Z");
		String slug = publish(chair, communique, luanda, "luanda-plenary");
		at("2015-12-02T08:30:00Z");
		Corrigendum corrigendum = new Corrigendum();
		corrigendum.setBaseRevision(1);
		corrigendum.setText(LUANDA_CORRECTED);
		corrigendum.setNote("Paragraph 5: names the office Australia takes up on 1 January 2017.");
		this.communiques.correct(chair, slug, corrigendum);

		long june = adopted(chair, DocumentType.COMMUNIQUE, "INTERSESSIONAL", 2016, INTERSESSIONAL, "2016-06-01T09:00:00Z",
				"2016-06-09T14:00:00Z");
		this.meetings.addItem(chair, intersessional, "Communiqué", june);
		at("2016-06-15T09:00:00Z");
		publish(chair, june, intersessional, "dubai-intersessional");
	}

	private long adopted(Reader chair, DocumentType type, String body, int year, String text, String drafted,
			String adopted) {
		at(drafted);
		NewDocument form = new NewDocument();
		form.setType(type);
		form.setBody(body);
		form.setYear(year);
		form.setConfidentiality(Confidentiality.PLENARY);
		form.setText(text);
		form.setTitle(text.lines().findFirst().orElseThrow().replaceFirst("^# ", ""));
		form.setCoEditors(Set.of());
		long id = this.drafting.create(chair, form);
		this.lifecycle.circulate(chair, id);
		at(adopted);
		long round = this.consensus.open(chair, id, RoundKind.MEETING, null, null);
		this.clock.travelTo(this.clock.instant().plusSeconds(600));
		this.consensus.closeMeeting(chair, id, round);
		return id;
	}

	private String publish(Reader chair, long document, long meeting, String slug) {
		Publication publication = new Publication();
		publication.setDocument(document);
		publication.setMeeting(meeting);
		publication.setSlug(slug);
		return this.communiques.publish(chair, publication);
	}

	private void at(String instant) {
		this.clock.travelTo(Instant.parse(instant));
	}

}
