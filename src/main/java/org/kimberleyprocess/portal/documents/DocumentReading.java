package org.kimberleyprocess.portal.documents;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;


import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentPage.Scope;
import org.kimberleyprocess.portal.documents.VersionTexts.StoredText;
import org.kimberleyprocess.portal.shared.FullText;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Reading documents: lists, search, the document page and its discussion, versions and
 * diffs. Every read goes through the visibility rule of {@link DocumentPolicy}; a document the
 * reader may not see is not found.
 */
@Service
@Transactional(readOnly = true)
public class DocumentReading {

	/** Threads shown on one page of a document's discussion. */
	static final int THREADS_PER_PAGE = 10;

	private final DocumentRepository documents;

	private final DocumentVersionRepository versions;

	private final CommentRepository comments;

	private final SuggestionRepository suggestions;

	private final DocumentPolicy policy;

	private final DirectoryQueries directory;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final VersionTexts texts;

	private final SearchMatches matches;

	private final Map<String, Long> groupIds = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Pages of discussions as read, by document, revision of its discussion, current version,
	 * part and page: what a page shows of a discussion is the same for every reader who sees it,
	 * and the revision, read with the document, changes with every change to the discussion.
	 */
	private final Cache<DiscussionKey, Talk> discussions = Caffeine.newBuilder().maximumSize(2_000).build();

	/**
	 * Each document's versions as its page shows them: a version never changes once saved, and
	 * the list of versions changes only with a new one, which moves the current version number.
	 */
	private final Cache<Current, DocumentVersion> currentVersions = Caffeine.newBuilder()
		.maximumWeight(32L * 1024 * 1024)
		.weigher((Current key, DocumentVersion version) -> 2 * (version.getMarkdown().length() + version.getHtml().length()) + 512)
		.build();

	private final Cache<Current, List<VersionSummary>> versionLists = Caffeine.newBuilder().maximumSize(5_000).build();

	DocumentReading(DocumentRepository documents, DocumentVersionRepository versions, CommentRepository comments,
			SuggestionRepository suggestions, DocumentPolicy policy, DirectoryQueries directory, JdbcTemplate jdbc,
			Clock clock, VersionTexts texts, SearchMatches matches) {
		this.texts = texts;
		this.matches = matches;
		this.documents = documents;
		this.versions = versions;
		this.comments = comments;
		this.suggestions = suggestions;
		this.policy = policy;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of the documents the reader may see, most recently changed first; the next page exists when {@code hasNext}. */
	public Slice<Document> list(Reader reader, Filter filter, Pageable pageable) {
		String words = StringUtils.hasText(filter.query()) ? FullText.booleanModeWords(filter.query()) : "";
		if (StringUtils.hasText(filter.query()) && words.isEmpty()) {
			return new SliceImpl<>(List.of(), pageable, false);
		}
		Pageable oneMore = withOneMore(pageable);
		List<Document> rows = words.isEmpty()
				? this.documents.findVisiblePage(reader.chairsOffice(), reader.chairedGroups(), reader.delegationMember(),
						reader.organisationId(), reader.audience(), reader.memberGroups(), filter.type(), filter.body(),
						filter.year(), filter.status(), oneMore)
				: this.documents.findVisibleMatching(reader.chairsOffice(), reader.chairedGroups(),
						reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups(),
						filter.type(), filter.body(), filter.year(), filter.status(), words, oneMore);
		boolean more = rows.size() > pageable.getPageSize();
		return new SliceImpl<>(more ? rows.subList(0, pageable.getPageSize()) : rows, pageable, more);
	}

	/** The rows of a page and one more, which tells whether a next page exists without counting them all. */
	private static Pageable withOneMore(Pageable page) {
		return new PageRequest(page.getPageNumber(), page.getPageSize() + 1, page.getSort()) {

			@Override
			public long getOffset() {
				return page.getOffset();
			}

		};
	}

	public List<Integer> years() {
		return this.documents.findYears();
	}

	/** The document if the reader may see it; otherwise not found, whatever the reason. */
	public Document visible(Reader reader, long id) {
		return this.documents
			.findVisible(id, reader.chairsOffice(), reader.chairedGroups(), reader.delegationMember(),
					reader.organisationId(), reader.audience(), reader.memberGroups())
			.orElseThrow(NotFoundException::new);
	}

	/** The latest documents of a working group that the reader may see. */
	public List<Document> ofWorkingGroup(Reader reader, long groupId, int limit) {
		return this.documents.findVisibleOfGroup(groupId, reader.chairsOffice(), reader.chairedGroups(),
				reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups(),
				PageRequest.of(0, limit));
	}

	/** Those of the documents the reader may see; the others are left out. */
	public List<Document> visibleAmong(Reader reader, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.documents.findVisibleAmong(ids, reader.chairsOffice(), reader.chairedGroups(),
				reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups());
	}

	/**
	 * Search across documents: those the reader may open whose current title or text match, each
	 * with the text of its current version, and the comments still shown on documents the reader
	 * may open (signed-in readers only, as only they see the discussion). The full-text matches
	 * (the latest {@link SearchMatches#CANDIDATES} of each kind) are kept for a few seconds, as a
	 * search is repeated by many readers at once; the reading rule, deletions and moderation are
	 * applied again to them on every request.
	 */
	public SearchHits search(Reader reader, String query, int limit) {
		String words = FullText.booleanModeWords(query);
		if (words.isEmpty()) {
			return new SearchHits(List.of(), List.of());
		}
		List<Long> candidates = this.matches.documents(words);
		List<Document> found = candidates.isEmpty() ? List.of()
				: this.documents.findVisibleAmongLatest(candidates, reader.chairsOffice(), reader.chairedGroups(),
						reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups(),
						PageRequest.of(0, limit));
		Map<Long, String> markdown = found.isEmpty() ? Map.of()
				: this.versions.findCurrentTextsOf(found.stream().map(Document::getId).toList())
					.stream()
					.collect(Collectors.toMap((row) -> (Long) row[0], (row) -> (String) row[1]));
		List<CommentHit> hits = List.of();
		List<Long> commentCandidates = this.policy.seesDiscussion(reader) ? this.matches.comments(words) : List.of();
		if (!commentCandidates.isEmpty()) {
			List<Comment> matching = this.comments.findShownAmong(commentCandidates, PageRequest.of(0, limit * 3));
			Map<Long, Document> readable = visibleAmong(reader,
					matching.stream().map(Comment::getDocumentId).collect(Collectors.toSet()))
				.stream()
				.collect(Collectors.toMap(Document::getId, (document) -> document));
			hits = matching.stream()
				.filter((comment) -> readable.containsKey(comment.getDocumentId()))
				.limit(limit)
				.map((comment) -> new CommentHit(comment, readable.get(comment.getDocumentId())))
				.toList();
		}
		return new SearchHits(found.stream()
			.map((document) -> new DocumentHit(document, markdown.getOrDefault(document.getId(), "")))
			.toList(), hits);
	}

	/** Whether the reader chairs the body that owns the document, and so runs its consensus rounds. */
	public boolean chairsOwningBody(Reader reader, Document document) {
		return this.policy.chairsOwningBody(reader, document);
	}

	/**
	 * The documents the reader has read whose current version is newer than the one they last
	 * read, most recently changed first, at most {@code limit}; those they may no longer see are
	 * left out.
	 */
	public List<Changed> changedSinceRead(Reader reader, int limit) {
		if (!reader.isSignedIn()) {
			return List.of();
		}
		Map<Long, Integer> lastRead = new java.util.LinkedHashMap<>();
		this.jdbc.query("""
				SELECT r.document_id, r.version_number FROM document_read r JOIN document d ON d.id = r.document_id
				WHERE r.account_id = ? AND d.current_version > r.version_number
				ORDER BY d.updated_at DESC, d.id DESC LIMIT ?""",
				(row) -> {
					lastRead.put(row.getLong(1), row.getInt(2));
				}, reader.accountId(), limit);
		if (lastRead.isEmpty()) {
			return List.of();
		}
		return this.documents.findVisibleAmongLatest(lastRead.keySet(), reader.chairsOffice(), reader.chairedGroups(),
				reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups(),
				PageRequest.of(0, limit))
			.stream()
			.map((document) -> new Changed(document, lastRead.get(document.getId())))
			.toList();
	}

	/**
	 * Replies by others to the reader's comments since {@code since}, newest first, at most
	 * {@code limit}: only those still shown, on documents the reader may still open.
	 */
	public List<CommentHit> repliesTo(Reader reader, java.time.Instant since, int limit) {
		if (!this.policy.seesDiscussion(reader)) {
			return List.of();
		}
		List<Long> ids = this.jdbc.queryForList("""
				SELECT c.id FROM document_comment p JOIN document_comment c ON c.parent_id = p.id
				WHERE p.author_id = ? AND c.author_id <> p.author_id AND c.created_at >= ?
				  AND c.deleted_at IS NULL AND c.hidden_reason IS NULL
				ORDER BY c.created_at DESC, c.id DESC LIMIT ?""", Long.class, reader.accountId(), Timestamp.from(since),
				limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Comment> replies = this.comments.findShownAmong(ids, PageRequest.of(0, limit));
		Map<Long, Document> visible = visibleAmong(reader,
				replies.stream().map(Comment::getDocumentId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Document::getId, (document) -> document));
		return replies.stream()
			.filter((reply) -> visible.containsKey(reply.getDocumentId()))
			.map((reply) -> new CommentHit(reply, visible.get(reply.getDocumentId())))
			.toList();
	}

	/**
	 * Everything the document page shows: the text with each block's discussion count, and one
	 * page of the threads in the chosen part of the discussion (the whole of it, one block, the
	 * comments on the document as a whole, or those on text that has since changed).
	 */
	public DocumentPage page(Reader reader, long id, String on, int pageNumber) {
		Document document = visible(reader, id);
		Current at = new Current(id, document.getCurrentVersion());
		DocumentVersion current = this.currentVersions.get(at, (key) -> current(document));
		StoredText text = text(current);
		Integer lastRead = reader.isSignedIn() ? lastRead(reader, id) : null;
		boolean discussion = this.policy.seesDiscussion(reader);
		Scope scope = Scope.of(on, text.anchors());
		Talk talk = !discussion ? new Talk(DocumentPage.Discussion.none(scope), List.of())
				: this.discussions.get(new DiscussionKey(id, document.getDiscussionRevision(), current.getNumber(),
						scope, pageNumber), (key) -> new Talk(discussion(id, scope, text, pageNumber),
								this.suggestions.findDecided(id, PageRequest.of(0, 20))));
		DocumentPage.Discussion shown = talk.discussion();
		Permissions can = permissions(reader, document);
		boolean named = can.moderate() || !document.getEditorOrganisations().isEmpty()
				|| !document.getSharedWith().isEmpty();
		Map<Long, OrganisationRef> organisations = !named ? Map.of()
				: this.directory.organisations().stream().collect(Collectors.toMap(OrganisationRef::id, (ref) -> ref));
		DiscussionKey read = new DiscussionKey(id, document.getDiscussionRevision(), current.getNumber(), scope,
				shown.threads().getNumber());
		DocumentPage.Shared shared = new DocumentPage.Shared(new DocumentPage.TextKey(id, document.getDiscussionRevision(),
				current.getNumber(), discussion),
				discussion && !shown.shows(reader.accountId()) ? new DocumentPage.ThreadsKey(read, can) : null);
		return new DocumentPage(document, current, text.cut(), text.blocks(),
				this.versionLists.get(at, (key) -> this.versions.findSummaries(id)), shown, talk.decided(),
				lastRead, lastRead != null && lastRead < document.getCurrentVersion() ? lastRead : null, can,
				document.getEditorOrganisations().stream().map(organisations::get).filter(Objects::nonNull).toList(),
				document.getSharedWith().stream().map(organisations::get).filter(Objects::nonNull).toList(),
				guestOrganisations(organisations), workingGroupCode(document), shared);
	}

	/**
	 * Moves the reader's mark to the version just shown. It writes only when the mark moves, so an
	 * ordinary visit to a document already read writes nothing.
	 */
	@Transactional
	public void markRead(Reader reader, DocumentPage page) {
		int shown = page.current().getNumber();
		if (!reader.isSignedIn() || (page.lastRead() != null && page.lastRead() >= shown)) {
			return;
		}
		this.jdbc.update("""
				INSERT INTO document_read (account_id, document_id, version_number, read_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE version_number = GREATEST(version_number, VALUES(version_number)),
				  read_at = VALUES(read_at)""", reader.accountId(), page.document().getId(), shown,
				Timestamp.from(this.clock.instant()));
	}

	/**
	 * Where a comment is shown: the part of the discussion and the page that hold its thread, with
	 * the comment's own anchor.
	 */
	public String placeOf(Reader reader, long documentId, long commentId) {
		Document document = visible(reader, documentId);
		if (!this.policy.seesDiscussion(reader)) {
			throw new NotFoundException();
		}
		Comment comment = this.comments.findByIdAndDocumentId(commentId, documentId).orElseThrow(NotFoundException::new);
		Comment root = (comment.getParentId() == null) ? comment
				: this.comments.findByIdAndDocumentId(comment.getParentId(), documentId).orElse(comment);
		StoredText text = text(current(document));
		Scope scope = Scope.holding(root.getBlockAnchor(), text.anchors());
		List<Long> roots = rootIds(documentId, scope, text.anchors());
		int index = Math.max(roots.indexOf(root.getId()), 0);
		return "/documents/" + documentId + "?on=" + scope.parameter() + "&page=" + (index / THREADS_PER_PAGE)
				+ "#comment-" + commentId;
	}

	public VersionPage version(Reader reader, long id, int number) {
		Document document = visible(reader, id);
		return new VersionPage(document, version(document, number), this.versions.findSummaries(id));
	}

	public DiffPage diff(Reader reader, long id, int from, int to) {
		Document document = visible(reader, id);
		DocumentVersion older = version(document, from);
		DocumentVersion newer = version(document, to);
		return new DiffPage(document, older, newer, TextDiff.between(older.getMarkdown(), newer.getMarkdown()),
				this.versions.findSummaries(id));
	}

	/** The text of the current version, for the edit form. */
	public DocumentVersion currentForEditing(Reader reader, long id) {
		Document document = visible(reader, id);
		if (!this.policy.canEdit(reader, document)) {
			throw new org.springframework.security.access.AccessDeniedException("Revising is for the document's editors");
		}
		return current(document);
	}

	public DocumentBlock block(Reader reader, long id, String anchor) {
		return currentBlocks(reader, id).stream()
			.filter((block) -> block.getAnchor().equals(anchor))
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	/** The blocks of the current version, for choosing where to comment or suggest. */
	public List<DocumentBlock> currentBlocks(Reader reader, long id) {
		return text(current(visible(reader, id))).blocks();
	}

	/**
	 * The id of the working group with this code. A group keeps its id and code for good, so each
	 * is read once per node; a code no group has is looked up again every time.
	 */
	public long workingGroupId(String code) {
		Long known = this.groupIds.get(code);
		if (known != null) {
			return known;
		}
		long id = this.directory.workingGroups()
			.stream()
			.filter((group) -> group.code().equals(code))
			.findFirst()
			.orElseThrow(NotFoundException::new)
			.id();
		this.groupIds.put(code, id);
		return id;
	}

	public Comment comment(Reader reader, long documentId, long commentId) {
		visible(reader, documentId);
		return this.comments.findByIdAndDocumentId(commentId, documentId).orElseThrow(NotFoundException::new);
	}

	// Within the module

	DocumentVersion current(Document document) {
		return version(document, document.getCurrentVersion());
	}

	DocumentVersion version(Document document, int number) {
		return this.versions.findByNumber(document.getId(), number).orElseThrow(NotFoundException::new);
	}

	/** The blocks of a version, from the cache once read. */
	List<DocumentBlock> blocks(DocumentVersion version) {
		return text(version).blocks();
	}

	/** The code of the working group that owns the document, if one does. */
	String workingGroupCode(Document document) {
		if (document.getWorkingGroupId() == null) {
			return null;
		}
		return this.directory.workingGroups()
			.stream()
			.filter((group) -> group.id() == document.getWorkingGroupId())
			.map((group) -> group.code())
			.findFirst()
			.orElse(null);
	}

	private StoredText text(DocumentVersion version) {
		return this.texts.of(version);
	}

	private Integer lastRead(Reader reader, long documentId) {
		List<Integer> marks = this.jdbc.queryForList(
				"SELECT version_number FROM document_read WHERE account_id = ? AND document_id = ?", Integer.class,
				reader.accountId(), documentId);
		return marks.isEmpty() ? null : marks.get(0);
	}

	private DocumentPage.Discussion discussion(long id, Scope scope, StoredText text, int pageNumber) {
		Map<String, DocumentPage.Count> counts = new java.util.HashMap<>();
		for (Object[] row : this.comments.countByAnchor(id)) {
			String key = DocumentPage.key((String) row[1]);
			long number = ((Number) row[2]).longValue();
			DocumentPage.Count count = counts.getOrDefault(key, DocumentPage.Count.NONE);
			counts.put(key, "C".equals(String.valueOf(row[0]))
					? new DocumentPage.Count(number, ((Number) row[3]).longValue(), count.openSuggestions())
					: new DocumentPage.Count(count.comments(), count.threads(), number));
		}
		long threads = scope.threadsIn(counts, text.anchors());
		int last = (int) Math.max(0, (threads - 1) / THREADS_PER_PAGE);
		Pageable pageable = PageRequest.of(Math.min(Math.max(pageNumber, 0), last), THREADS_PER_PAGE);
		List<Comment> roots = switch (scope.kind()) {
			case ALL -> this.comments.findRoots(id, pageable);
			case GENERAL -> this.comments.findGeneralRoots(id, pageable);
			case BLOCK -> this.comments.findRootsOn(id, scope.anchor(), pageable);
			case EARLIER -> this.comments.findRootsOffText(id, text.anchors(), pageable);
		};
		Map<Long, List<Comment>> replies = roots.isEmpty() ? Map.of()
				: this.comments.findReplies(roots.stream().map(Comment::getId).toList())
					.stream()
					.collect(Collectors.groupingBy(Comment::getParentId));
		List<DocumentPage.Thread> shown = roots.stream()
			.map((root) -> new DocumentPage.Thread(root, replies.getOrDefault(root.getId(), List.of()),
					text.excerptOf(root.getBlockAnchor())))
			.toList();
		List<Suggestion> open = (scope.kind() == DocumentPage.ScopeKind.BLOCK)
				? this.suggestions.findOpenOn(id, scope.anchor()) : List.of();
		return new DocumentPage.Discussion(scope, text.excerptOf(scope.anchor()), counts,
				new org.springframework.data.domain.PageImpl<>(shown, pageable, threads), open,
				new Scope(DocumentPage.ScopeKind.EARLIER, null).threadsIn(counts, text.anchors()));
	}

	private List<Long> rootIds(long id, Scope scope, Set<String> anchors) {
		return switch (scope.kind()) {
			case ALL -> this.comments.findRootIds(id);
			case GENERAL -> this.comments.findGeneralRootIds(id);
			case BLOCK -> this.comments.findRootIdsOn(id, scope.anchor());
			case EARLIER -> this.comments.findRootIdsOffText(id, anchors);
		};
	}

	private List<OrganisationRef> guestOrganisations(Map<Long, OrganisationRef> organisations) {
		return organisations.values()
			.stream()
			.filter((ref) -> ref.kind() == OrganisationKind.GUEST)
			.sorted(java.util.Comparator.comparing((OrganisationRef ref) -> ref.name().en()))
			.toList();
	}

	private Permissions permissions(Reader reader, Document document) {
		return new Permissions(this.policy.canEdit(reader, document) && document.getStatus().isRevisable(),
				this.policy.canManage(reader, document), this.policy.canComment(reader, document),
				this.policy.canModerate(reader));
	}

	/** One page of one part of a document's discussion, as it stood at a revision of it. */
	record DiscussionKey(long document, long revision, int version, Scope scope, int page) {
	}

	/** A page of a discussion and the latest decided suggestions, as read at one revision. */
	private record Talk(DocumentPage.Discussion discussion, List<Suggestion> decided) {
	}

	/** A document at its current version. */
	private record Current(long document, int version) {
	}

	public record Filter(DocumentType type, OwningBody body, Integer year, DocumentStatus status, String query) {
	}

	public record Permissions(boolean edit, boolean manage, boolean comment, boolean moderate) {
	}

	public record VersionPage(Document document, DocumentVersion version, List<VersionSummary> versions) {
	}

	public record DiffPage(Document document, DocumentVersion from, DocumentVersion to, List<TextDiff.Line> lines,
			List<VersionSummary> versions) {

		public boolean identical() {
			return this.lines.stream().noneMatch(TextDiff.Line::changed);
		}

	}

	public record DocumentHit(Document document, String text) {
	}

	public record CommentHit(Comment comment, Document document) {
	}

	/** A document changed since the reader last read it, with the version they read. */
	public record Changed(Document document, int lastRead) {
	}

	public record SearchHits(List<DocumentHit> documents, List<CommentHit> comments) {
	}

}
