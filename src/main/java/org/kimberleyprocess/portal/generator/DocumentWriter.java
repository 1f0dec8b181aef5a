package org.kimberleyprocess.portal.generator;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;
import org.kimberleyprocess.portal.generator.Documents.Doc;
import org.kimberleyprocess.portal.generator.Documents.Round;
import org.kimberleyprocess.portal.generator.Documents.Step;
import org.kimberleyprocess.portal.generator.Documents.Version;

/**
 * Writes the planned documents step by step, as the drafting engine and the consensus module
 * would have left them: the final state in the rows, every step in the audit trail, and what
 * people were told about in the inboxes' candidates.
 */
final class DocumentWriter {

	private static final String BLOCK = "org.kimberleyprocess.portal.documents.DocumentBlock";

	private static final String ELIGIBLE = "org.kimberleyprocess.portal.consensus.ConsensusRound$Eligible";

	private static final String ENTRY = "org.kimberleyprocess.portal.consensus.AdoptionRecord$Entry";

	private static final String[] OBJECTIONS = { "cannot agree to the text until the figures are confirmed",
			"asks for more time to consult its capital", "considers that the text goes beyond the mandate",
			"cannot accept the proposed deadline", "objects to the reference to the valuation methodology",
			"finds that the text does not reflect the discussion" };

	private final JdbcTemplate jdbc;

	private final MarkdownRenderer renderer;

	private final Directory directory;

	private final Trail trail;

	private final Inboxes inboxes;

	private final Random random;

	private final Texts texts;

	private final Instant now;

	private final Rows documents;

	private final Rows versions;

	private final Rows blocks;

	private final Rows editors;

	private final Rows shares;

	private final Rows rounds;

	private final Rows eligible;

	private final Rows positions;

	private final Rows adoptions;

	private final Rows entries;

	private long nextDocument;

	private long nextVersion;

	private long nextBlock;

	private long nextRound;

	private long nextPosition;

	private long nextAdoption;

	long positionsWritten;

	long blocksWritten;

	DocumentWriter(JdbcTemplate jdbc, MarkdownRenderer renderer, Directory directory, Trail trail, Inboxes inboxes,
			Random random, Texts texts, Instant now) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.directory = directory;
		this.trail = trail;
		this.inboxes = inboxes;
		this.random = random;
		this.texts = texts;
		this.now = now;
		this.documents = new Rows(jdbc, """
				INSERT INTO document (id, type, title, owning_body, working_group_id, year, status, confidentiality,
				    comments_closed, current_version, official_number, created_by, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.versions = new Rows(jdbc, """
				INSERT INTO document_version (id, document_id, number, title, markdown, html, sha256, change_note,
				    author_id, author_name, credited_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.blocks = new Rows(jdbc, """
				INSERT INTO document_block (id, version_id, position, anchor, kind, source, excerpt)
				VALUES (?, ?, ?, ?, ?, ?, ?)""");
		this.editors = new Rows(jdbc, "INSERT INTO document_editor (document_id, organisation_id) VALUES (?, ?)");
		this.shares = new Rows(jdbc, "INSERT INTO document_share (document_id, organisation_id) VALUES (?, ?)");
		this.rounds = new Rows(jdbc, """
				INSERT INTO consensus_round (id, document_id, version_number, version_sha256, kind, status, outcome,
				    opened_by_name, opened_at, deadline, deadline_zone, closed_by_name, closed_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.eligible = new Rows(jdbc,
				"INSERT INTO round_eligible (round_id, organisation_id, name_en, name_fr) VALUES (?, ?, ?, ?)");
		this.positions = new Rows(jdbc, """
				INSERT INTO round_position (id, round_id, organisation_id, position, reason, recorded_by_id,
				    recorded_by_name, on_behalf, recorded_at, version_sha256, current)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.adoptions = new Rows(jdbc, """
				INSERT INTO adoption_record (id, round_id, document_id, official_number, title, version_number,
				    version_sha256, kind, opened_at, deadline, closed_at, joined, abstained, deemed, objected)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.entries = new Rows(jdbc, """
				INSERT INTO adoption_entry (record_id, position_order, participant_en, participant_fr, stance,
				    recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""");
		this.nextDocument = next("document");
		this.nextVersion = next("document_version");
		this.nextBlock = next("document_block");
		this.nextRound = next("consensus_round");
		this.nextPosition = next("round_position");
		this.nextAdoption = next("adoption_record");
	}

	private long next(String table) {
		return this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, Long.class);
	}

	/** Ids in the order the documents were created; then texts, rendering and rows, a chunk at a time. */
	void write(List<Doc> all, Consumer<Runnable> inTransaction) {
		List<Doc> ordered = new ArrayList<>(all);
		ordered.sort(Comparator.comparing((Doc d) -> d.createdAt));
		for (Doc doc : ordered) {
			doc.id = this.nextDocument++;
		}
		for (int from = 0; from < ordered.size(); from += 400) {
			List<Doc> chunk = ordered.subList(from, Math.min(ordered.size(), from + 400));
			inTransaction.accept(() -> writeChunk(chunk));
		}
	}

	private void writeChunk(List<Doc> chunk) {
		Map<Version, MarkdownRenderer.Rendered> rendered = new LinkedHashMap<>();
		for (Doc doc : chunk) {
			String text = null;
			for (Step step : doc.steps) {
				if (step.kind() == Documents.Kind.CREATE || step.kind() == Documents.Kind.REVISE) {
					text = (text == null) ? this.texts.document(doc.title, doc.topic, doc.year)
							: this.texts.revise(text, doc.topic);
					Version version = new Version();
					version.markdown = MarkdownRenderer.normalise(text);
					version.at = step.at();
					version.title = doc.title;
					rendered.put(version, null);
					doc.versions.add(version);
				}
			}
		}
		List<Version> pending = new ArrayList<>(rendered.keySet());
		Map<Version, MarkdownRenderer.Rendered> results = new HashMap<>();
		pending.parallelStream()
			.map((version) -> Map.entry(version, this.renderer.render(version.markdown)))
			.toList()
			.forEach((entry) -> results.put(entry.getKey(), entry.getValue()));
		for (Doc doc : chunk) {
			writeDoc(doc, results);
		}
		this.documents.flush();
		this.editors.flush();
		this.shares.flush();
		this.versions.flush();
		this.blocks.flush();
		this.rounds.flush();
		this.eligible.flush();
		this.positions.flush();
		this.adoptions.flush();
		this.entries.flush();
	}

	private void writeDoc(Doc doc, Map<Version, MarkdownRenderer.Rendered> rendered) {
		String status = "DRAFT";
		int current = 0;
		Instant updated = doc.createdAt;
		long rowVersion = 0;
		int versionIndex = 0;
		for (Step step : doc.steps) {
			Instant at = step.at();
			switch (step.kind()) {
				case CREATE -> {
					Person creator = doc.creator;
					Trail.Act act = this.trail.act(creator, at);
					act.created("Document", doc.id, Trail.summary()
						.set("commentsClosed", false)
						.set("confidentiality", doc.confidentiality)
						.set("createdAt", at)
						.set("createdBy", creator.id())
						.set("currentVersion", 0)
						.set("editorOrganisations", doc.editors.isEmpty() ? null
								: doc.editors.stream().map((o) -> String.valueOf(o.id())).toList().toString())
						.hidden("owningBody")
						.set("status", "DRAFT")
						.hidden("title")
						.set("type", doc.type)
						.set("updatedAt", at)
						.set("version", 0)
						.set("workingGroupId", doc.group == null ? null : doc.group.id())
						.set("year", doc.year));
					Version version = doc.versions.get(versionIndex++);
					version.author = creator;
					version.note = "document.version.first";
					storeVersion(doc, version, rendered.get(version), ++current, act);
					act.changed("Document", doc.id, Trail.summary().change("currentVersion", 0, 1));
					rowVersion++;
				}
				case CIRCULATE -> {
					this.trail.act(doc.creator, at)
						.changed("Document", doc.id, Trail.summary()
							.change("status", "DRAFT", "CIRCULATED")
							.change("updatedAt", updated, at));
					status = "CIRCULATED";
					updated = at;
					rowVersion++;
					this.inboxes.circulated(doc, at);
				}
				case REVISE -> {
					Person editor = editor(doc, at);
					Trail.Act act = this.trail.act(editor, at);
					Version version = doc.versions.get(versionIndex++);
					version.author = editor;
					version.note = this.random.nextInt(3) == 0 ? "document.version.revised"
							: "Revised after the discussion of " + Texts.capitalise(this.texts.topic()) + ".";
					storeVersion(doc, version, rendered.get(version), ++current, act);
					Trail.Summary summary = Trail.summary().change("currentVersion", current - 1, current);
					if ("NOT_ADOPTED".equals(status)) {
						summary.change("status", status, "CIRCULATED");
						status = "CIRCULATED";
					}
					act.changed("Document", doc.id, summary.change("updatedAt", updated, at));
					updated = at;
					rowVersion++;
				}
				case OPEN -> {
					Round round = step.round();
					Version version = doc.versions.get(current - 1);
					round.versionNumber = version.number;
					round.sha = version.sha;
					round.id = this.nextRound++;
					round.eligible = eligible(doc, round.openedAt);
					Trail.Act act = this.trail.act(round.chair, at);
					act.created("ConsensusRound", round.id, Trail.summary()
						.set("deadline", round.deadline)
						.set("deadlineZone", round.zone)
						.set("documentId", doc.id)
						.objects("eligible", ELIGIBLE, round.eligible.size(), this.random)
						.set("kind", round.kind)
						.set("openedAt", round.openedAt)
						.set("openedByName", round.chair.fullName())
						.set("status", "OPEN")
						.set("version", 0)
						.set("versionNumber", round.versionNumber)
						.set("versionSha256", round.sha));
					act.changed("Document", doc.id, Trail.summary()
						.change("status", status, "UNDER_CONSENSUS")
						.change("updatedAt", updated, at));
					status = "UNDER_CONSENSUS";
					updated = at;
					rowVersion++;
					this.inboxes.roundOpened(doc, round, at);
					writeRound(doc, round);
				}
				case CLOSE -> {
					Round round = step.round();
					Trail.Act act = this.trail.act("MEETING".equals(round.kind) ? round.chair : null, at);
					String outcome = round.outcome;
					Trail.Summary summary = Trail.summary();
					if ("ADOPTED".equals(outcome)) {
						summary.change("officialNumber", null, round.officialNumber);
						doc.officialNumber = round.officialNumber;
					}
					act.changed("Document", doc.id, summary.change("status", "UNDER_CONSENSUS", outcome)
						.change("updatedAt", updated, at));
					status = outcome;
					updated = at;
					rowVersion++;
					if ("ADOPTED".equals(outcome)) {
						writeAdoption(doc, round, act);
						this.inboxes.adopted(doc, round.officialNumber, at);
					}
				}
				case WITHDRAW_ROUND -> {
					Round round = step.round();
					this.trail.act(round.chair, at)
						.changed("ConsensusRound", round.id, Trail.summary()
							.change("closedAt", at.minusNanos(1000L * (200 + this.random.nextInt(3000))), at)
							.change("status", "CLOSED", "WITHDRAWN"))
						.changed("Document", doc.id, Trail.summary()
							.change("status", "UNDER_CONSENSUS", "CIRCULATED")
							.change("updatedAt", updated, at));
					status = "CIRCULATED";
					updated = at;
					rowVersion++;
				}
				case WITHDRAW -> {
					this.trail.act(doc.creator, at)
						.changed("Document", doc.id, Trail.summary()
							.change("status", status, "WITHDRAWN")
							.change("updatedAt", updated, at));
					status = "WITHDRAWN";
					updated = at;
					rowVersion++;
				}
				case CLOSE_COMMENTS -> {
					this.trail.act(doc.creator, at)
						.changed("Document", doc.id, Trail.summary()
							.change("commentsClosed", false, true)
							.change("updatedAt", updated, at));
					doc.commentsClosed = true;
					updated = at;
					rowVersion++;
				}
			}
		}
		doc.status = status;
		doc.updatedAt = updated;
		doc.version = rowVersion;
		this.documents.add(doc.id, doc.type, doc.title, doc.body, doc.group == null ? null : doc.group.id(), doc.year,
				status, doc.confidentiality, doc.commentsClosed, current, doc.officialNumber, doc.creator.id(),
				Timestamp.from(doc.createdAt), Timestamp.from(updated), rowVersion);
		doc.editors.forEach((organisation) -> this.editors.add(doc.id, organisation.id()));
		doc.shares.forEach((organisation) -> this.shares.add(doc.id, organisation.id()));
	}

	/** Revisions come from the owner, now and then from a member of a co-editing delegation. */
	private Person editor(Doc doc, Instant at) {
		if (!doc.editors.isEmpty() && this.random.nextInt(4) == 0) {
			List<Person> members = this.directory.members(doc.editors.iterator().next());
			if (!members.isEmpty()) {
				return members.get(this.random.nextInt(members.size()));
			}
		}
		return doc.creator;
	}

	private void storeVersion(Doc doc, Version version, MarkdownRenderer.Rendered rendered, int number,
			Trail.Act act) {
		version.id = this.nextVersion++;
		version.number = number;
		version.sha = MarkdownRenderer.sha256(version.markdown);
		version.anchors = rendered.blocks().stream().map(MarkdownRenderer.Block::anchor).toList();
		this.versions.add(version.id, doc.id, number, version.title, version.markdown, rendered.html(), version.sha,
				version.note, version.author.id(), version.author.fullName(), null, Timestamp.from(version.at));
		act.created("DocumentVersion", version.id, Trail.summary()
			.set("authorId", version.author.id())
			.set("authorName", version.author.fullName())
			.objects("blocks", BLOCK, rendered.blocks().size(), this.random)
			.hidden("changeNote")
			.set("createdAt", version.at)
			.set("document", "Document#" + doc.id)
			.hidden("html")
			.hidden("markdown")
			.set("number", number)
			.set("sha256", version.sha)
			.hidden("title"));
		for (MarkdownRenderer.Block block : rendered.blocks()) {
			long id = this.nextBlock++;
			this.blocks.add(id, version.id, block.position(), block.anchor(), block.kind().name(), block.source(),
					block.excerpt());
			this.blocksWritten++;
			act.created("DocumentBlock", id, Trail.summary()
				.set("anchor", block.anchor())
				.hidden("excerpt")
				.set("kind", block.kind().name())
				.hidden("position")
				.hidden("source")
				.set("version", "DocumentVersion#" + version.id));
		}
	}

	/**
	 * Those who decide: every Participant taking decisions when the round opens, or for a working
	 * group's text the group's members (not Observers) among them, in the order of their names.
	 */
	private List<Organisation> eligible(Doc doc, Instant at) {
		return this.directory.participantsByName.stream()
			.filter((o) -> this.directory.decides(o, at))
			.filter((o) -> doc.group == null
					|| (doc.group.hasMember(o.id()) && !"OBSERVER".equals(doc.group.standings().get(o.id()))))
			.toList();
	}

	private record Recorded(long id, Organisation organisation, String position, String reason, Person by,
			boolean onBehalf, Instant at) {
	}

	private final Map<Round, Map<Long, Recorded>> currentPositions = new HashMap<>();

	/**
	 * The round's row, its eligible Participants and their positions: some delegations change
	 * theirs (every record kept, the last one current), an objection always gives its reason,
	 * and nothing is recorded after the deadline or after now.
	 */
	private void writeRound(Doc doc, Round round) {
		String status = round.outcome == null ? "OPEN" : "WITHDRAWN".equals(round.outcome) ? "WITHDRAWN" : "CLOSED";
		String outcome = "ADOPTED".equals(round.outcome) || "NOT_ADOPTED".equals(round.outcome) ? round.outcome : null;
		String closedBy = round.closedAt == null ? null
				: ("MEETING".equals(round.kind) || "WITHDRAWN".equals(round.outcome)) ? round.chair.fullName() : null;
		this.rounds.add(round.id, doc.id, round.versionNumber, round.sha, round.kind, status, outcome,
				round.chair.fullName(), Timestamp.from(round.openedAt),
				round.deadline == null ? null : Timestamp.from(round.deadline), round.zone, closedBy,
				round.closedAt == null ? null : Timestamp.from(round.closedAt),
				"OPEN".equals(status) ? 0 : "WITHDRAWN".equals(status) ? 2 : 1);
		for (Organisation organisation : round.eligible) {
			this.eligible.add(round.id, organisation.id(), organisation.nameEn(), organisation.nameFr());
		}
		Instant from = round.openedAt.plusSeconds(60);
		Instant until = round.closedAt != null ? round.closedAt.minusSeconds(30)
				: round.deadline != null && round.deadline.isBefore(this.now) ? round.deadline
						: this.now.minusSeconds(120);
		if (round.deadline != null && until.isAfter(round.deadline)) {
			until = round.deadline.minusSeconds(30);
		}
		if (!until.isAfter(from)) {
			until = from.plusSeconds(30);
		}
		double coverage = doc.fullCoverage && "MEETING".equals(round.kind) ? 1.0
				: "MEETING".equals(round.kind) ? 0.5 + 0.45 * this.random.nextDouble()
						: 0.35 + 0.45 * this.random.nextDouble();
		if (round.outcome == null) {
			coverage *= 0.6;
		}
		List<Organisation> objecting = new ArrayList<>();
		if ("NOT_ADOPTED".equals(round.outcome) && !round.eligible.isEmpty()) {
			int count = 1 + this.random.nextInt(2);
			for (int i = 0; i < count; i++) {
				objecting.add(round.eligible.get(this.random.nextInt(round.eligible.size())));
			}
		}
		List<Recorded> records = new ArrayList<>();
		long span = Math.max(1, Duration.between(from, until).toMillis());
		for (Organisation organisation : round.eligible) {
			boolean objects = objecting.contains(organisation);
			if (!objects && this.random.nextDouble() >= coverage) {
				continue;
			}
			String stance = objects ? "OBJECT" : this.random.nextInt(100) < 88 ? "JOIN" : "ABSTAIN";
			List<String> history = new ArrayList<>();
			if (this.random.nextInt(100) < 12) {
				history.add(this.random.nextBoolean() ? "OBJECT" : "ABSTAIN".equals(stance) ? "JOIN" : "ABSTAIN");
				if (this.random.nextInt(4) == 0) {
					history.add("JOIN".equals(stance) ? "ABSTAIN" : "JOIN");
				}
			}
			history.add(stance);
			List<Instant> times = new ArrayList<>();
			for (int i = 0; i < history.size(); i++) {
				times.add(from.plusMillis((long) (this.random.nextDouble() * span)).plusNanos(1000L * this.random.nextInt(1000)));
			}
			times.sort(Comparator.naturalOrder());
			for (int i = 0; i < history.size(); i++) {
				boolean onBehalf = "MEETING".equals(round.kind) && this.random.nextBoolean();
				Person by = onBehalf ? round.chair : representative(organisation);
				if (by == null) {
					by = round.chair;
					onBehalf = true;
				}
				String position = history.get(i);
				String reason = "OBJECT".equals(position)
						? organisation.nameEn() + " " + this.texts.pick(OBJECTIONS) + "." : null;
				records.add(new Recorded(0, organisation, position, reason, by, onBehalf, times.get(i)));
			}
		}
		records.sort(Comparator.comparing(Recorded::at));
		Map<Long, Recorded> current = new LinkedHashMap<>();
		List<Recorded> withIds = new ArrayList<>();
		for (Recorded record : records) {
			Recorded identified = new Recorded(this.nextPosition++, record.organisation(), record.position(),
					record.reason(), record.by(), record.onBehalf(), record.at());
			withIds.add(identified);
			current.put(identified.organisation().id(), identified);
		}
		for (Recorded record : withIds) {
			boolean isCurrent = current.get(record.organisation().id()) == record;
			this.positions.add(record.id(), round.id, record.organisation().id(), record.position(), record.reason(),
					record.by().id(), record.by().fullName(), record.onBehalf(), Timestamp.from(record.at()),
					round.sha, isCurrent ? Boolean.TRUE : null);
			this.positionsWritten++;
			this.trail.act(record.by(), record.at())
				.created("PositionRecord", record.id(), Trail.summary()
					.set("current", true)
					.set("onBehalf", record.onBehalf())
					.set("organisationId", record.organisation().id())
					.hidden("position")
					.set("reason", record.reason() == null ? null : "(reason)")
					.set("recordedAt", record.at())
					.set("recordedById", record.by().id())
					.set("recordedByName", record.by().fullName())
					.set("roundId", round.id)
					.set("versionSha256", round.sha));
			this.inboxes.positionRecorded(doc, record.organisation(), record.position(), record.by().fullName(),
					record.at());
		}
		this.currentPositions.put(round, current);
	}

	private Person representative(Organisation organisation) {
		List<Person> representatives = this.directory.representatives(organisation);
		return representatives.isEmpty() ? null : representatives.get(this.random.nextInt(representatives.size()));
	}

	/** The record of the adoption, with each deciding Participant's stance in the order of their names. */
	private void writeAdoption(Doc doc, Round round, Trail.Act act) {
		Map<Long, Recorded> current = this.currentPositions.remove(round);
		List<Organisation> deciding = round.eligible.stream()
			.filter((o) -> this.directory.decides(o, round.closedAt))
			.toList();
		int joined = 0;
		int abstained = 0;
		int objected = 0;
		int deemed = 0;
		long id = this.nextAdoption++;
		int order = 0;
		for (Organisation organisation : deciding) {
			Recorded position = current.get(organisation.id());
			String stance = position == null ? "DEEMED" : position.position();
			switch (stance) {
				case "JOIN" -> joined++;
				case "ABSTAIN" -> abstained++;
				case "OBJECT" -> objected++;
				default -> deemed++;
			}
			this.entries.add(id, order++, organisation.nameEn(), organisation.nameFr(), stance,
					position == null ? null : position.by().fullName(),
					position == null ? null : Timestamp.from(position.at()));
		}
		if (objected > 0) {
			throw new IllegalStateException("An adopted round holds an objection: round " + round.id);
		}
		Version version = doc.versions.stream().filter((v) -> v.number == round.versionNumber).findFirst().orElseThrow();
		this.adoptions.add(id, round.id, doc.id, round.officialNumber, version.title, round.versionNumber, round.sha,
				round.kind, Timestamp.from(round.openedAt), round.deadline == null ? null : Timestamp.from(round.deadline),
				Timestamp.from(round.closedAt), joined, abstained, deemed, objected);
		act.created("AdoptionRecord", id, Trail.summary()
			.set("abstained", abstained)
			.set("closedAt", round.closedAt)
			.set("deadline", round.deadline)
			.set("deemed", deemed)
			.set("documentId", doc.id)
			.objects("entries", ENTRY, deciding.size(), this.random)
			.set("joined", joined)
			.set("kind", round.kind)
			.set("objected", objected)
			.set("officialNumber", round.officialNumber)
			.set("openedAt", round.openedAt)
			.set("roundId", round.id)
			.hidden("title")
			.set("versionNumber", round.versionNumber)
			.set("versionSha256", round.sha));
	}

	/** The sequence rows, holding the last number given for each body, year and type. */
	void writeSequences(Map<String, Integer> sequences) {
		for (Map.Entry<String, Integer> entry : sequences.entrySet()) {
			String[] key = entry.getKey().split("\\|");
			this.jdbc.update("""
					INSERT INTO document_number_sequence (body_label, year, type, last_number) VALUES (?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE last_number = GREATEST(last_number, VALUES(last_number))""", key[0],
					Integer.valueOf(key[1]), key[2], entry.getValue());
		}
	}

}
