package org.kimberleyprocess.portal.generator;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;
import org.kimberleyprocess.portal.generator.Documents.Doc;
import org.kimberleyprocess.portal.generator.Documents.Version;

/**
 * The discussion: comments on blocks of the version current when they were written (or on the
 * whole text), replies that keep their parent's block and version (and, as the portal stores
 * them, name their thread's first comment as parent), written only while the
 * document took comments and only by people who could read it then; a few corrected within the
 * edit window, deleted by their authors or hidden by the Chair's office. HTML comes from
 * {@link MarkdownRenderer#renderComment}, as the drafting engine stores it.
 */
final class Comments {

	private static final String[] HIDDEN = { "Off-topic: moved to the working group's discussion.",
			"Contains personal data.", "Duplicate of an earlier comment." };

	private final JdbcTemplate jdbc;

	private final MarkdownRenderer renderer;

	private final Directory directory;

	private final Calendar calendar;

	private final Trail trail;

	private final Inboxes inboxes;

	private final Random random;

	private final Texts texts;

	private final Instant now;

	private final Rows rows;

	private long nextId;

	private final Map<String, List<Person>> pools = new HashMap<>();

	long written;

	Comments(JdbcTemplate jdbc, MarkdownRenderer renderer, Directory directory, Calendar calendar, Trail trail,
			Inboxes inboxes, Random random, Texts texts, Instant now) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.directory = directory;
		this.calendar = calendar;
		this.trail = trail;
		this.inboxes = inboxes;
		this.random = random;
		this.texts = texts;
		this.now = now;
		this.rows = new Rows(jdbc, """
				INSERT INTO document_comment (id, document_id, version_number, block_anchor, parent_id, author_id,
				    author_name, organisation_en, organisation_fr, organisation_kind, markdown, html, created_at,
				    edited_at, deleted_at, hidden_reason, hidden_by_name, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
		this.nextId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM document_comment", Long.class);
	}

	/** Shares {@code total} comments among the documents that were discussed, the decisions most. */
	void write(List<Doc> docs, int total, Consumer<Runnable> inTransaction) {
		List<Doc> discussed = docs.stream()
			.filter((d) -> d.discussionFrom != null && d.discussionUntil.isAfter(d.discussionFrom.plusSeconds(3600)))
			.toList();
		double[] weights = new double[discussed.size()];
		double sum = 0;
		for (int i = 0; i < discussed.size(); i++) {
			Doc doc = discussed.get(i);
			double base = switch (doc.type) {
				case "COMMUNIQUE" -> 8;
				case "ADMINISTRATIVE_DECISION" -> 5;
				case "DECISION" -> 4;
				case "REVIEW_REPORT" -> 3;
				default -> 1;
			};
			if ("CHAIRS_OFFICE".equals(doc.confidentiality)) {
				base *= 0.2;
			}
			weights[i] = base * Math.exp(0.8 * this.random.nextGaussian());
			sum += weights[i];
		}
		int[] counts = new int[discussed.size()];
		int given = 0;
		for (int i = 0; i < counts.length; i++) {
			counts[i] = (int) Math.floor(weights[i] * total / sum);
			given += counts[i];
		}
		while (given < total && counts.length > 0) {
			counts[this.random.nextInt(counts.length)]++;
			given++;
		}
		List<Runnable> chunk = new ArrayList<>();
		int inChunk = 0;
		for (int i = 0; i < discussed.size(); i++) {
			Doc doc = discussed.get(i);
			int count = counts[i];
			if (count == 0) {
				continue;
			}
			chunk.add(() -> discussion(doc.id, doc.title, doc.year, doc.confidentiality, doc.group, doc.shares,
					doc.versions, doc.discussionFrom, doc.discussionUntil, count));
			inChunk += count;
			if (inChunk >= 5_000) {
				List<Runnable> batch = List.copyOf(chunk);
				inTransaction.accept(() -> {
					batch.forEach(Runnable::run);
					this.rows.flush();
				});
				chunk.clear();
				inChunk = 0;
			}
		}
		List<Runnable> rest = List.copyOf(chunk);
		inTransaction.accept(() -> {
			rest.forEach(Runnable::run);
			this.rows.flush();
		});
	}

	/** The demo's Final Communiqué: comments on its three versions until the Plenary's opening hour. */
	void writeOn(long documentId, int count, Consumer<Runnable> inTransaction) {
		Map<String, Object> document = this.jdbc.queryForMap(
				"SELECT title, year, confidentiality FROM document WHERE id = ?", documentId);
		List<Version> versions = new ArrayList<>();
		this.jdbc.query("SELECT id, number, title, created_at FROM document_version WHERE document_id = ? ORDER BY number",
				(RowCallbackHandler) (row) -> {
					Version version = new Version();
					version.id = row.getLong(1);
					version.number = row.getInt(2);
					version.title = row.getString(3);
					version.at = row.getObject(4, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC);
					versions.add(version);
				}, documentId);
		for (Version version : versions) {
			version.anchors = this.jdbc.queryForList(
					"SELECT anchor FROM document_block WHERE version_id = ? ORDER BY position", String.class, version.id);
		}
		java.util.Set<Organisation> shares = new java.util.LinkedHashSet<>();
		this.jdbc.queryForList("SELECT organisation_id FROM document_share WHERE document_id = ?", Long.class, documentId)
			.forEach((id) -> shares.add(this.directory.organisations.get(id)));
		Instant from = versions.get(0).at.plus(Duration.ofHours(2));
		Instant until = this.now.minus(Duration.ofMinutes(10));
		inTransaction.accept(() -> {
			discussion(documentId, (String) document.get("title"), ((Number) document.get("year")).intValue(),
					(String) document.get("confidentiality"), null, shares, versions, from, until, count);
			this.rows.flush();
		});
	}

	private record Written(long id, long thread, Person author, int version, String anchor, Instant at) {
	}

	private void discussion(long documentId, String title, int year, String confidentiality, Directory.Group group,
			java.util.Set<Organisation> shares, List<Version> versions, Instant from, Instant until, int count) {
		List<Written> written = new ArrayList<>();
		long span = Math.max(60, Duration.between(from, until).getSeconds());
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			double position = Math.pow(this.random.nextDouble(), 1.3);
			times.add(from.plusSeconds((long) (position * span)).plusNanos(1000L * this.random.nextInt(1_000_000)));
		}
		times.sort(java.util.Comparator.naturalOrder());
		List<Object[]> pending = new ArrayList<>();
		List<String> markdowns = new ArrayList<>();
		for (Instant at : times) {
			List<Person> pool = pool(confidentiality, group, shares, at);
			Person author = pool.get(this.random.nextInt(pool.size()));
			Written parent = null;
			if (!written.isEmpty() && this.random.nextInt(100) < 35) {
				int recent = Math.min(written.size(), 25);
				parent = written.get(written.size() - 1 - this.random.nextInt(recent));
			}
			int version;
			String anchor;
			if (parent != null) {
				version = parent.version();
				anchor = parent.anchor();
			}
			else {
				Version current = versionAt(versions, at);
				version = current.number;
				anchor = (this.random.nextInt(100) < 70 && !current.anchors.isEmpty())
						? current.anchors.get(this.random.nextInt(current.anchors.size())) : null;
			}
			String markdown = MarkdownRenderer.normalise(parent == null ? this.texts.comment(author.organisation().nameEn())
					: this.texts.reply(author.organisation().nameEn()));
			long id = this.nextId++;
			written.add(new Written(id, parent == null ? id : parent.thread(), author, version, anchor, at));
			pending.add(new Object[] { id, documentId, version, anchor, parent == null ? null : parent.thread(), author, at });
			markdowns.add(markdown);
			if (parent != null && parent.author().id() != author.id()) {
				this.inboxes.commentReply(documentId, title, confidentiality, group, shares, id, parent.author(),
						author.fullName(), at);
			}
		}
		List<String> html = markdowns.parallelStream().map(this.renderer::renderComment).toList();
		for (int i = 0; i < pending.size(); i++) {
			Object[] comment = pending.get(i);
			long id = (long) comment[0];
			Person author = (Person) comment[5];
			Instant at = (Instant) comment[6];
			String markdown = markdowns.get(i);
			String shown = html.get(i);
			Instant edited = null;
			Instant deleted = null;
			String hiddenReason = null;
			String hiddenBy = null;
			long rowVersion = 0;
			int roll = this.random.nextInt(1000);
			Trail.Act act = this.trail.act(author, at);
			act.created("Comment", id, Trail.summary()
				.set("authorId", author.id())
				.set("authorName", author.fullName())
				.set("blockAnchor", comment[3])
				.set("createdAt", at)
				.set("documentId", documentId)
				.hidden("html")
				.hidden("markdown")
				.set("organisationEn", author.organisation().nameEn())
				.set("organisationFr", author.organisation().nameFr())
				.set("organisationKind", author.organisation().kind())
				.set("parentId", comment[4])
				.set("version", 0)
				.set("versionNumber", comment[2]));
			if (roll < 20) {
				edited = at.plusSeconds(60 + this.random.nextInt(780));
				markdown = MarkdownRenderer.normalise(markdown + " " + "(Corrected.)");
				shown = this.renderer.renderComment(markdown);
				rowVersion++;
				this.trail.act(author, edited)
					.changed("Comment", id, Trail.summary()
						.change("editedAt", null, edited)
						.hiddenChange("html", true)
						.hiddenChange("markdown", true));
			}
			else if (roll < 27) {
				deleted = at.plusSeconds(60 + this.random.nextInt(780));
				markdown = "";
				shown = "";
				rowVersion++;
				this.trail.act(author, deleted)
					.changed("Comment", id, Trail.summary()
						.change("deletedAt", null, deleted)
						.hiddenChange("html", true)
						.hiddenChange("markdown", true));
			}
			else if (roll < 30) {
				Person chair = this.calendar.chairsOffice(LocalDate.ofInstant(at, ZoneOffset.UTC).getYear());
				hiddenReason = HIDDEN[this.random.nextInt(HIDDEN.length)];
				hiddenBy = chair.fullName();
				rowVersion++;
				this.trail.act(chair, at.plusSeconds(3600 + this.random.nextInt(86_400)))
					.changed("Comment", id, Trail.summary()
						.change("hiddenByName", null, hiddenBy)
						.hiddenChange("hiddenReason", false));
			}
			this.rows.add(id, documentId, comment[2], comment[3], comment[4], author.id(), author.fullName(),
					author.organisation().nameEn(), author.organisation().nameFr(), author.organisation().kind(),
					markdown, shown, Timestamp.from(at), edited == null ? null : Timestamp.from(edited),
					deleted == null ? null : Timestamp.from(deleted), hiddenReason, hiddenBy, rowVersion);
			this.written++;
		}
	}

	private static Version versionAt(List<Version> versions, Instant at) {
		Version found = versions.get(0);
		for (Version version : versions) {
			if (!version.at.isAfter(at)) {
				found = version;
			}
		}
		return found;
	}

	/**
	 * Who could read the document and so write in its discussion at that moment: by its
	 * confidentiality, with the Chair's office of the year, the guests it was shared with, and for
	 * a working group's text the members of the group.
	 */
	private List<Person> pool(String confidentiality, Directory.Group group, java.util.Set<Organisation> shares,
			Instant at) {
		int year = LocalDate.ofInstant(at, ZoneOffset.UTC).getYear();
		String key = confidentiality + "|" + (group == null ? "" : group.code()) + "|" + year + "|"
				+ shares.stream().map(Organisation::code).sorted().toList();
		return this.pools.computeIfAbsent(key, (k) -> {
			List<Person> pool = new ArrayList<>();
			for (Person person : this.directory.people) {
				Organisation organisation = person.organisation();
				boolean member = person.has("HEAD_OF_DELEGATION") || person.has("ALTERNATE") || person.has("DELEGATE")
						|| person.has("OBSERVER_REPRESENTATIVE") || person.has("GUEST");
				if (!member) {
					continue;
				}
				boolean participant = organisation.isParticipant()
						&& !"APPLICANT".equals(organisation.participantStatus());
				boolean reads = switch (confidentiality) {
					case "PUBLIC" -> true;
					case "PLENARY" -> participant || "OBSERVER".equals(organisation.kind());
					case "PARTICIPANTS" -> participant;
					case "WORKING_GROUP" -> (participant || "OBSERVER".equals(organisation.kind())) && group != null
							&& group.hasMember(organisation.id());
					default -> false;
				};
				if (reads || shares.contains(organisation)) {
					pool.add(person);
				}
			}
			Person chair = this.calendar.chairsOffice(year);
			if (chair != null) {
				pool.add(chair);
			}
			return pool;
		});
	}

}
