package org.kimberleyprocess.portal.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.Position;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.NewSuggestion;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentReading;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.Discussion;
import org.kimberleyprocess.portal.documents.SuggestedChanges;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.shared.PortalClock;

/** The demo's documents, comments and suggestions, in the order they happened. */
final class DemoDocumentScript {

	static final String COMMUNIQUE_V1 = """
			# Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué

			The Plenary meeting of the Kimberley Process Certification Scheme was held in Dubai, United Arab Emirates, from 13 to 17 November 2016, under the chairmanship of the United Arab Emirates.

			## Participation

			Delegations of the Participants attended, together with the World Diamond Council as an observer. The Plenary noted that the Civil Society Coalition had decided not to attend the meetings of 2016.

			## Peer review

			The Plenary welcomed the review visits received in 2016 and thanked the Participants that offered to receive visits in the coming years.

			## Chairmanship

			The Plenary welcomed Australia as Chair for 2017.
			""";

	static final String COMMUNIQUE_V2 = """
			# Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué

			The Plenary meeting of the Kimberley Process Certification Scheme was held in Dubai, United Arab Emirates, from 13 to 17 November 2016, under the chairmanship of the United Arab Emirates.

			## Participation

			Delegations of the Participants attended, together with the World Diamond Council as an observer. The Plenary noted that the Civil Society Coalition had decided not to attend the meetings of 2016, and expressed its wish for the Coalition's broad participation in future.

			The Plenary acknowledged the representatives of civil-society organisations who attended as guests of the Chair, among them Good Governance Africa.

			## Peer review

			The Plenary welcomed the review visits received in 2016 by Belarus, Cameroon, the Democratic Republic of the Congo, India, Lesotho, Sierra Leone, Turkey and the United Republic of Tanzania, and thanked the Participants that offered to receive visits in the coming years.

			## Central African Republic

			The Plenary welcomed the resumption of exports from the compliant zones of Berbérati, Boda, Carnot and Nola under the operational framework.

			## Chairmanship

			The Plenary welcomed Australia as Chair for 2017.
			""";

	static final String COMMUNIQUE_V3 = """
			# Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué

			The Plenary meeting of the Kimberley Process Certification Scheme was held in Dubai, United Arab Emirates, from 13 to 17 November 2016, under the chairmanship of the United Arab Emirates.

			## Participation

			Delegations of the Participants attended, together with the World Diamond Council as an observer. The Plenary noted that the Civil Society Coalition had decided not to attend the meetings of 2016, and expressed its wish for the Coalition's broad participation in future.

			The Plenary acknowledged the representatives of civil-society organisations who attended as guests of the Chair, among them Good Governance Africa, and took note of the Chair's proposal for a multi-donor trust fund to support their participation.

			## Peer review

			The Plenary welcomed the review visits received in 2016 by Belarus, Cameroon, the Democratic Republic of the Congo, India, Lesotho, Sierra Leone, Turkey and the United Republic of Tanzania, and thanked Botswana, Brazil, Ghana, the Lao People's Democratic Republic, Mauritius, Namibia, Norway, Panama and Togo for offering to receive visits.

			## Central African Republic

			The Plenary welcomed the resumption of exports from the compliant zones of Berbérati, Boda, Carnot and Nola under the operational framework, and encouraged continued monitoring.

			## Valuation

			The Plenary noted that a consistent valuation methodology, building on training and technical assistance, would benefit countries seeking greater confidence in the valuation of their rough diamonds.

			## Chairmanship

			The Plenary welcomed Australia as Chair for 2017 and the European Union as Vice-Chair, the selection of which is under written procedure.[^1]

			[^1]: Administrative Decision on the selection of the Vice-Chair for 2017.
			""";

	static final String VICE_CHAIR_DECISION = """
			# Administrative Decision on the selection of the Vice-Chair for 2017

			The Plenary,

			Recalling that the Vice-Chair of each year becomes Chair on 1 January of the following year,

			Having considered the candidacy submitted by the European Union and the assessment of the Committee on Participation and Chairmanship,

			1. Selects the European Union as Vice-Chair of the Kimberley Process for 2017;
			2. Notes that the European Union will accordingly chair the Kimberley Process in 2018.
			""";

	static final String CAR_PAPER = """
			# Monitoring of exports from the compliant zones of the Central African Republic

			## Background

			Since 2015, exports of rough diamonds from the Central African Republic may resume from zones found compliant under the operational framework.

			## Zones

			| Zone | Found compliant | Monitoring visits in 2016 |
			|---|---|---|
			| Berbérati | 2015 | 2 |
			| Boda | 2016 | 1 |
			| Carnot | 2016 | 1 |
			| Nola | 2016 | 1 |

			## Observations

			The monitoring team found the chain of custody documented in each zone visited, and recommends that footprint analysis accompany each export.

			## Proposals

			1. Continue monitoring visits at least twice a year in each zone.
			2. Share the monitoring team's reports with the Participants within one month of each visit.
			""";

	static final String VALUATION_DECISION = """
			# Decision on a consistent methodology for the valuation of rough diamonds

			The Plenary,

			Recognising that countries seeking greater confidence in the valuation of their rough diamonds would benefit from a consistent methodology,

			1. Requests the subgroup on valuation of the Working Group of Diamond Experts to prepare a methodology based on standardised preparation and sorting of rough diamonds.
			2. Invites the subgroup to draw on contemporary transacted prices for comparable rough diamonds wherever possible.
			3. Invites the Organisation for Economic Co-operation and Development to collaborate with the subgroup, consistent with the rules and procedures.
			4. Requests a report to the next Plenary.
			""";

	static final String VISIT_SCHEDULE = """
			# Working Group on Monitoring: draft schedule of review visits for 2017

			The schedule below is for the members of the working group only, until the hosts confirm the dates.

			- Botswana: second quarter of 2017
			- Namibia: third quarter of 2017
			- Ghana: to be confirmed
			""";

	static final String CHAIR_NOTES = """
			# Chair's notes on the proposal for a permanent secretariat

			Points to raise with the incoming Chair during the handover:

			- the options for hosting the secretariat;
			- the funding model;
			- the transition from the administrative support mechanism.
			""";

	static final String PUBLIC_NOTE = """
			# Information note on the Kimberley Process Certification Scheme

			The Kimberley Process Certification Scheme is a joint initiative of governments, industry and civil society to stem the flow of conflict diamonds.

			Its Participants undertake to trade rough diamonds only with other Participants, with each shipment accompanied by a Kimberley Process certificate.
			""";

	private final DocumentLifecycle lifecycle;

	private final DocumentReading documents;

	private final Drafting drafting;

	private final Discussion discussion;

	private final SuggestedChanges suggestions;

	private final Function<String, Reader> as;

	private final PortalClock clock;

	private final ToLongFunction<String> organisation;

	private final ConsensusService consensus;

	private final Supplier<List<String>> headsOfActiveParticipants;

	DemoDocumentScript(DocumentLifecycle lifecycle, DocumentReading documents, Drafting drafting, Discussion discussion, SuggestedChanges suggestions, ConsensusService consensus, Function<String, Reader> as,
			PortalClock clock, ToLongFunction<String> organisation, Supplier<List<String>> headsOfActiveParticipants) {
		this.lifecycle = lifecycle;
		this.documents = documents;
		this.drafting = drafting;
		this.discussion = discussion;
		this.suggestions = suggestions;
		this.consensus = consensus;
		this.headsOfActiveParticipants = headsOfActiveParticipants;
		this.as = as;
		this.clock = clock;
		this.organisation = organisation;
	}

	void run() {
		Reader chair = this.as.apply("chair");
		Reader wgm = this.as.apply("wgm");

		at("2016-06-10T09:00:00Z");
		long note = create(chair, DocumentType.DECISION, "PLENARY", Confidentiality.PUBLIC, PUBLIC_NOTE, Set.of());
		this.lifecycle.circulate(chair, note);

		at("2016-10-20T08:00:00Z");
		long communique = create(chair, DocumentType.COMMUNIQUE, "PLENARY", Confidentiality.PLENARY, COMMUNIQUE_V1,
				Set.of());
		this.lifecycle.circulate(chair, communique);
		this.lifecycle.share(chair, communique, this.organisation.applyAsLong("gga"), true);
		at("2016-10-24T10:15:00Z");
		comment(this.as.apply("hod-bw"), communique, null,
				"Botswana would like the communiqué to name the Participants that received review visits in 2016.");
		at("2016-10-25T14:30:00Z");
		long csc = comment(this.as.apply("csc"), communique, null,
				"The Coalition asks that the communiqué record the Plenary's wish for civil society's participation, and the guests who attended.");
		at("2016-10-26T09:05:00Z");
		reply(this.as.apply("guest-gga"), communique, csc,
				"Good Governance Africa supports this request and thanks the Chair for the invitation.");

		at("2016-11-02T16:00:00Z");
		revise(chair, communique, 1, COMMUNIQUE_V2, "Names the 2016 review visits; civil society and guests; the Central African Republic.");
		at("2016-11-03T11:20:00Z");
		comment(this.as.apply("wdc"), communique, null,
				"The World Diamond Council suggests recording the Plenary's discussion of valuation, reminding that all discussions must observe competition law.");
		comment(this.as.apply("hod-eu"), communique, "h-chairmanship",
				"The European Union would welcome a mention of the Vice-Chair selection now under written procedure.");

		at("2016-11-04T09:00:00Z");
		long failed = this.consensus.open(chair, communique, RoundKind.WRITTEN, LocalDateTime.parse("2016-11-10T18:00"),
				"Asia/Dubai");
		at("2016-11-06T10:00:00Z");
		position("hod-bw", communique, failed, Position.JOIN, null);
		position("hod-au", communique, failed, Position.JOIN, null);
		at("2016-11-08T15:40:00Z");
		position("hod-in", communique, failed, Position.OBJECT,
				"India cannot agree to a communiqué that is silent on valuation and on the Vice-Chair selection.");
		at("2016-11-10T14:01:00Z");
		this.consensus.closeDueRounds();

		at("2016-11-12T18:00:00Z");
		revise(chair, communique, 2, COMMUNIQUE_V3, "Valuation, Vice-Chair and the offers of review visits.");
		at("2016-11-13T08:30:00Z");
		comment(this.as.apply("hod-in"), communique, null, "India can support version 3 as it stands.");
		at("2016-11-14T08:00:00Z");
		long meeting = this.consensus.open(chair, communique, RoundKind.MEETING, null, null);
		at("2016-11-14T08:30:00Z");
		position("hod-in", communique, meeting, Position.JOIN, null);

		at("2016-11-01T09:00:00Z");
		long viceChair = create(chair, DocumentType.ADMINISTRATIVE_DECISION, "PLENARY", Confidentiality.PLENARY,
				VICE_CHAIR_DECISION, Set.of(this.organisation.applyAsLong("eu")));
		this.lifecycle.circulate(chair, viceChair);
		at("2016-11-03T09:00:00Z");
		long procedure = this.consensus.open(chair, viceChair, RoundKind.WRITTEN,
				LocalDateTime.parse("2016-11-17T18:00"), "Asia/Dubai");
		List<String> heads = this.headsOfActiveParticipants.get();
		for (int i = 0; i < Math.min(30, heads.size()); i++) {
			at("2016-11-03T10:00:00Z");
			this.clock.travelTo(this.clock.instant().plus(java.time.Duration.ofMinutes(97L * i)));
			Position stance = (i == 7 || i == 19) ? Position.ABSTAIN : Position.JOIN;
			position(heads.get(i), viceChair, procedure, stance, null);
		}

		at("2016-09-15T10:00:00Z");
		long carPaper = create(wgm, DocumentType.WORKING_GROUP_PAPER, groupBody("wgm"), Confidentiality.PARTICIPANTS,
				CAR_PAPER, Set.of());
		this.lifecycle.circulate(wgm, carPaper);
		at("2016-09-20T13:00:00Z");
		comment(this.as.apply("hod-cf"), carPaper, null,
				"The Central African Republic thanks the monitoring team and agrees to share the reports within one month.");

		at("2016-10-05T10:00:00Z");
		long schedule = create(wgm, DocumentType.WORKING_GROUP_PAPER, groupBody("wgm"),
				Confidentiality.WORKING_GROUP, VISIT_SCHEDULE, Set.of());
		this.lifecycle.circulate(wgm, schedule);

		at("2016-10-28T09:00:00Z");
		long valuation = create(chair, DocumentType.DECISION, "PLENARY", Confidentiality.PLENARY, VALUATION_DECISION,
				Set.of());
		this.lifecycle.circulate(chair, valuation);
		at("2016-11-04T15:00:00Z");
		suggest(this.as.apply("hod-in"), valuation,
				"2. Invites the subgroup to draw on contemporary transacted prices for comparable rough diamonds wherever possible, and otherwise on a transparent and objective method derived from contemporary transactions.",
				"India proposes to cover the case where no comparable transactions exist.");
		at("2016-11-07T10:30:00Z");
		suggest(this.as.apply("wdc"), valuation,
				"3. Invites the Organisation for Economic Co-operation and Development to collaborate with the subgroup, consistent with the rules and procedures and with competition and antitrust law.",
				"All discussions on valuation must observe competition and antitrust law.");

		at("2016-11-08T12:00:00Z");
		long notes = create(chair, DocumentType.WORKING_GROUP_PAPER, "PLENARY", Confidentiality.CHAIRS_OFFICE,
				CHAIR_NOTES, Set.of());
		this.lifecycle.circulate(chair, notes);

		at("2016-11-14T08:00:00Z");
		create(chair, DocumentType.DECISION, "PLENARY", Confidentiality.PLENARY,
				"# Draft decision on the terms of reference of a permanent secretariat\n\nTo be completed.\n", Set.of());
	}

	private void position(String username, long documentId, long round, Position stance, String reason) {
		Reader head = this.as.apply(username);
		this.consensus.record(head, documentId, round, head.organisationId(), stance, reason);
	}

	private void at(String instant) {
		this.clock.travelTo(Instant.parse(instant));
	}

	private String groupBody(String code) {
		return String.valueOf(this.documents.workingGroupId(code));
	}

	private long create(Reader author, DocumentType type, String body, Confidentiality confidentiality, String text,
			Set<Long> coEditors) {
		NewDocument form = new NewDocument();
		form.setType(type);
		form.setBody(body);
		form.setYear(2016);
		form.setConfidentiality(confidentiality);
		form.setText(text);
		form.setTitle(text.lines().findFirst().orElseThrow().replaceFirst("^# ", ""));
		form.setCoEditors(coEditors);
		return this.drafting.create(author, form);
	}

	private void revise(Reader editor, long id, int base, String text, String note) {
		Revision form = new Revision();
		form.setTitle(text.lines().findFirst().orElseThrow().replaceFirst("^# ", ""));
		form.setText(text);
		form.setChangeNote(note);
		form.setBaseVersion(base);
		this.drafting.revise(editor, id, form);
	}

	private long comment(Reader author, long id, String anchor, String text) {
		NewComment form = new NewComment();
		form.setText(text);
		form.setBlockAnchor(anchor);
		return this.discussion.comment(author, id, form);
	}

	private void reply(Reader author, long id, long parent, String text) {
		NewComment form = new NewComment();
		form.setText(text);
		form.setParentId(parent);
		this.discussion.comment(author, id, form);
	}

	private void suggest(Reader author, long id, String proposed, String explanation) {
		String number = proposed.substring(0, 2);
		String anchor = this.documents.currentBlocks(author, id)
			.stream()
			.filter((block) -> block.getSource().startsWith(number))
			.findFirst()
			.orElseThrow()
			.getAnchor();
		NewSuggestion form = new NewSuggestion();
		form.setBlockAnchor(anchor);
		form.setProposed(proposed);
		form.setExplanation(explanation);
		this.suggestions.suggest(author, id, form);
	}

}
