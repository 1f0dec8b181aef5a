package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.NewSuggestion;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.shared.FullText;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The drafting engine: documents, their versions, comments and suggested changes. Every read
 * goes through the visibility rule of {@link DocumentPolicy}; a document the reader may not see
 * is not found.
 */
@Service
@Transactional(readOnly = true)
public class DocumentService {

	private final DocumentRepository documents;

	private final DocumentVersionRepository versions;

	private final CommentRepository comments;

	private final SuggestionRepository suggestions;

	private final DocumentPolicy policy;

	private final MarkdownRenderer renderer;

	private final DirectoryQueries directory;

	private final JdbcTemplate jdbc;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	DocumentService(DocumentRepository documents, DocumentVersionRepository versions, CommentRepository comments,
			SuggestionRepository suggestions, DocumentPolicy policy, MarkdownRenderer renderer,
			DirectoryQueries directory, JdbcTemplate jdbc, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.documents = documents;
		this.versions = versions;
		this.comments = comments;
		this.suggestions = suggestions;
		this.policy = policy;
		this.renderer = renderer;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// Reading

	public Page<Document> list(Reader reader, Filter filter, Pageable pageable) {
		Set<Long> matches = Set.of(-1L);
		boolean searching = StringUtils.hasText(filter.query());
		if (searching) {
			String words = FullText.booleanModeWords(filter.query());
			if (!words.isEmpty()) {
				matches = new java.util.HashSet<>(this.versions.searchCurrentText(words));
				matches.add(-1L);
			}
		}
		return this.documents.findVisiblePage(reader.chairsOffice(), reader.chairedGroups(),
				reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups(),
				filter.type(), filter.body(), filter.year(), filter.status(), matches, searching, pageable);
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
				org.springframework.data.domain.PageRequest.of(0, limit));
	}

	/** Those of the documents the reader may see; the others are left out. */
	public List<Document> visibleAmong(Reader reader, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.documents.findVisibleAmong(ids, reader.chairsOffice(), reader.chairedGroups(),
				reader.delegationMember(), reader.organisationId(), reader.audience(), reader.memberGroups());
	}

	/**
	 * Search across documents: those the reader may open whose current title or text match, each
	 * with the text of its current version, and the comments still shown on documents the reader
	 * may open (signed-in readers only, as only they see the discussion).
	 */
	public SearchHits search(Reader reader, String query, int limit) {
		List<Document> found = list(reader, new Filter(null, null, null, null, query),
				org.springframework.data.domain.PageRequest.of(0, limit))
			.getContent();
		Map<Long, String> texts = found.isEmpty() ? Map.of()
				: this.versions.findCurrentOf(found.stream().map(Document::getId).toList())
					.stream()
					.collect(Collectors.toMap((version) -> version.getDocument().getId(), DocumentVersion::getMarkdown));
		List<CommentHit> hits = List.of();
		String words = FullText.booleanModeWords(query);
		if (this.policy.seesDiscussion(reader) && !words.isEmpty()) {
			List<Comment> matching = this.comments.searchText(words, limit * 3);
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
			.map((document) -> new DocumentHit(document, texts.getOrDefault(document.getId(), "")))
			.toList(), hits);
	}

	public record DocumentHit(Document document, String text) {
	}

	public record CommentHit(Comment comment, Document document) {
	}

	public record SearchHits(List<DocumentHit> documents, List<CommentHit> comments) {
	}

	/** Whether the reader chairs the body that owns the document, and so runs its consensus rounds. */
	public boolean chairsOwningBody(Reader reader, Document document) {
		return this.policy.chairsOwningBody(reader, document);
	}

	/** Everything the document page shows, and the reader's mark moved to the current version. */
	@Transactional
	public DocumentPage page(Reader reader, long id) {
		Document document = visible(reader, id);
		DocumentVersion current = version(document, document.getCurrentVersion());
		Integer lastRead = reader.isSignedIn() ? markRead(reader, document) : null;
		boolean discussion = this.policy.seesDiscussion(reader);
		List<Comment> allComments = discussion ? this.comments.findByDocument(id) : List.of();
		List<Suggestion> allSuggestions = discussion ? this.suggestions.findByDocument(id) : List.of();
		Map<Long, OrganisationRef> organisations = this.directory.organisations()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, (ref) -> ref));
		return new DocumentPage(document, current, this.versions.findBlocks(current.getId()),
				this.versions.findSummaries(id), threads(allComments), allSuggestions,
				lastRead != null && lastRead < document.getCurrentVersion() ? lastRead : null,
				permissions(reader, document),
				document.getEditorOrganisations().stream().map(organisations::get).filter(java.util.Objects::nonNull).toList(),
				document.getSharedWith().stream().map(organisations::get).filter(java.util.Objects::nonNull).toList(),
				guestOrganisations(organisations), workingGroupName(document));
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
		requireEditor(reader, document);
		return version(document, document.getCurrentVersion());
	}

	public DocumentBlock block(Reader reader, long id, String anchor) {
		Document document = visible(reader, id);
		DocumentVersion current = version(document, document.getCurrentVersion());
		return this.versions.findBlocks(current.getId())
			.stream()
			.filter((block) -> block.getAnchor().equals(anchor))
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	/** The blocks of the current version, for choosing where to comment or suggest. */
	public List<DocumentBlock> currentBlocks(Reader reader, long id) {
		Document document = visible(reader, id);
		return this.versions.findBlocks(version(document, document.getCurrentVersion()).getId());
	}

	public long workingGroupId(String code) {
		return this.directory.workingGroups()
			.stream()
			.filter((group) -> group.code().equals(code))
			.findFirst()
			.orElseThrow(NotFoundException::new)
			.id();
	}

	public Comment comment(Reader reader, long documentId, long commentId) {
		visible(reader, documentId);
		return this.comments.findByIdAndDocumentId(commentId, documentId).orElseThrow(NotFoundException::new);
	}

	// Writing

	@Transactional
	public long create(Reader reader, NewDocument form) {
		OwningBody body;
		Long workingGroupId = null;
		if ("PLENARY".equals(form.getBody()) || "INTERSESSIONAL".equals(form.getBody())) {
			body = OwningBody.valueOf(form.getBody());
		}
		else {
			body = OwningBody.WORKING_GROUP;
			try {
				workingGroupId = Long.valueOf(form.getBody());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("body", "document.body.unknown");
			}
			Long wanted = workingGroupId;
			if (this.directory.workingGroups().stream().noneMatch((group) -> group.id() == wanted)) {
				throw new InvalidInputException("body", "document.body.unknown");
			}
		}
		if (!this.policy.canCreate(reader, body, workingGroupId)) {
			throw new InvalidInputException("body", "document.body.notYours");
		}
		if (form.getConfidentiality() == Confidentiality.WORKING_GROUP && body != OwningBody.WORKING_GROUP) {
			throw new InvalidInputException("confidentiality", "document.confidentiality.groupOnly");
		}
		String text = MarkdownRenderer.normalise(form.getText());
		if (text.isEmpty()) {
			throw new InvalidInputException("text", "document.text.empty");
		}
		Instant now = this.clock.instant();
		Document document = new Document(form.getType(), form.getTitle().strip(), body, workingGroupId, form.getYear(),
				form.getConfidentiality(), reader.accountId(), now);
		document.setEditorOrganisations(validParticipants(form.getCoEditors()));
		this.documents.save(document);
		DocumentVersion first = document.revise(form.getTitle().strip(), this.renderer.render(text), text,
				noteOr(form.getChangeNote(), "document.version.first"), reader.accountId(), reader.name(), null, now);
		this.versions.save(first);
		return document.getId();
	}

	/**
	 * Saves a new version, unless someone saved one since the editor opened the form: then
	 * nothing is saved and the conflict says what changed meanwhile, so no text is lost.
	 */
	@Transactional
	public int revise(Reader reader, long id, Revision form) {
		visible(reader, id);
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		requireEditor(reader, document);
		if (!document.getStatus().isRevisable()) {
			throw new InvalidInputException(null, "document.frozen");
		}
		if (document.getCurrentVersion() != form.getBaseVersion()) {
			DocumentVersion base = version(document, form.getBaseVersion());
			DocumentVersion current = version(document, document.getCurrentVersion());
			throw new EditConflict(current.getNumber(), current.getAuthorName(),
					TextDiff.between(base.getMarkdown(), current.getMarkdown()));
		}
		String text = MarkdownRenderer.normalise(form.getText());
		DocumentVersion current = version(document, document.getCurrentVersion());
		if (text.equals(current.getMarkdown()) && form.getTitle().strip().equals(current.getTitle())) {
			throw new InvalidInputException("text", "document.text.unchanged");
		}
		if (text.isEmpty()) {
			throw new InvalidInputException("text", "document.text.empty");
		}
		DocumentVersion next = document.revise(form.getTitle().strip(), this.renderer.render(text), text,
				noteOr(form.getChangeNote(), "document.version.revised"), reader.accountId(), reader.name(), null,
				this.clock.instant());
		this.versions.save(next);
		return next.getNumber();
	}

	@Transactional
	public void circulate(Reader reader, long id) {
		Document document = managed(reader, id);
		if (document.getStatus() != DocumentStatus.DRAFT) {
			throw new InvalidInputException(null, "document.circulate.notDraft");
		}
		document.circulate(this.clock.instant());
		this.events.publishEvent(new DocumentEvents.Circulated(id, document.getTitle()));
	}

	@Transactional
	public void withdraw(Reader reader, long id) {
		Document document = managed(reader, id);
		try {
			document.withdraw(this.clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "document.withdraw.refused");
		}
	}

	@Transactional
	public void closeComments(Reader reader, long id, boolean closed) {
		managed(reader, id).closeComments(closed, this.clock.instant());
	}

	@Transactional
	public void share(Reader reader, long id, long organisationId, boolean shared) {
		Document document = visible(reader, id);
		if (!this.policy.canModerate(reader)) {
			throw new AccessDeniedException("Sharing is for the Chair's office");
		}
		boolean guest = this.directory.organisations()
			.stream()
			.anyMatch((ref) -> ref.id() == organisationId && ref.kind() == OrganisationKind.GUEST);
		if (!guest) {
			throw new InvalidInputException(null, "document.share.guestsOnly");
		}
		if (shared) {
			document.shareWith(organisationId);
		}
		else {
			document.unshare(organisationId);
		}
	}

	// Comments

	@Transactional
	public long comment(Reader reader, long id, NewComment form) {
		Document document = visible(reader, id);
		if (!this.policy.canComment(reader, document)) {
			throw new InvalidInputException("text", "comment.closed");
		}
		String anchor = StringUtils.hasText(form.getBlockAnchor()) ? form.getBlockAnchor() : null;
		int versionNumber = document.getCurrentVersion();
		Long repliedTo = null;
		if (form.getParentId() != null) {
			Comment parent = this.comments.findByIdAndDocumentId(form.getParentId(), id)
				.orElseThrow(() -> new InvalidInputException("text", "comment.parent.unknown"));
			repliedTo = parent.getAuthorId();
			anchor = parent.getBlockAnchor();
			versionNumber = parent.getVersionNumber();
		}
		else if (anchor != null) {
			String wanted = anchor;
			DocumentVersion current = version(document, versionNumber);
			if (this.versions.findBlocks(current.getId()).stream().noneMatch((b) -> b.getAnchor().equals(wanted))) {
				throw new InvalidInputException("blockAnchor", "comment.block.unknown");
			}
		}
		String markdown = MarkdownRenderer.normalise(form.getText());
		if (markdown.isEmpty()) {
			throw new InvalidInputException("text", "comment.empty");
		}
		Comment comment = new Comment(id, versionNumber, anchor, form.getParentId(), Author.of(reader), markdown,
				this.renderer.renderComment(markdown), this.clock.instant());
		long commentId = this.comments.save(comment).getId();
		this.events.publishEvent(
				new DocumentEvents.CommentPosted(id, commentId, repliedTo, reader.accountId(), reader.name()));
		return commentId;
	}

	@Transactional
	public void editComment(Reader reader, long id, long commentId, String text) {
		visible(reader, id);
		Document document = visible(reader, id);
		Comment comment = this.comments.findByIdAndDocumentId(commentId, id).orElseThrow(NotFoundException::new);
		Instant now = this.clock.instant();
		if (!document.acceptsComments()) {
			throw new InvalidInputException("text", "comment.closed");
		}
		if (!comment.isEditableBy(reader.accountId(), now)) {
			throw new InvalidInputException("text", "comment.edit.tooLate");
		}
		String markdown = MarkdownRenderer.normalise(text);
		if (markdown.isEmpty()) {
			throw new InvalidInputException("text", "comment.empty");
		}
		comment.edit(reader.accountId(), markdown, this.renderer.renderComment(markdown), now);
	}

	@Transactional
	public void deleteComment(Reader reader, long id, long commentId) {
		visible(reader, id);
		Document document = visible(reader, id);
		Comment comment = this.comments.findByIdAndDocumentId(commentId, id).orElseThrow(NotFoundException::new);
		if (comment.getAuthorId() != reader.accountId()) {
			throw new AccessDeniedException("Only its author deletes a comment");
		}
		if (!document.acceptsComments()) {
			throw new InvalidInputException(null, "comment.closed");
		}
		if (!comment.isDeleted()) {
			comment.delete(reader.accountId(), this.clock.instant());
		}
	}

	@Transactional
	public void hideComment(Reader reader, long id, long commentId, String reason) {
		visible(reader, id);
		if (!this.policy.canModerate(reader)) {
			throw new AccessDeniedException("Moderation is for the Chair's office");
		}
		Comment comment = this.comments.findByIdAndDocumentId(commentId, id).orElseThrow(NotFoundException::new);
		if (comment.isHidden()) {
			throw new InvalidInputException(null, "comment.alreadyHidden");
		}
		comment.hide(reason.strip(), reader.name());
	}

	// Suggested changes

	@Transactional
	public long suggest(Reader reader, long id, NewSuggestion form) {
		Document document = visible(reader, id);
		if (!this.policy.canComment(reader, document)) {
			throw new InvalidInputException("proposed", "comment.closed");
		}
		DocumentVersion current = version(document, document.getCurrentVersion());
		DocumentBlock block = this.versions.findBlocks(current.getId())
			.stream()
			.filter((candidate) -> candidate.getAnchor().equals(form.getBlockAnchor()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("blockAnchor", "comment.block.unknown"));
		String proposed = MarkdownRenderer.normalise(form.getProposed()).strip();
		if (proposed.equals(block.getSource())) {
			throw new InvalidInputException("proposed", "suggestion.unchanged");
		}
		Suggestion suggestion = new Suggestion(id, current.getNumber(), block.getAnchor(), block.getSource(), proposed,
				form.getExplanation().strip(), Author.of(reader), this.clock.instant());
		return this.suggestions.save(suggestion).getId();
	}

	/** Applies the proposed text to the current version as a new version crediting the proposer. */
	@Transactional
	public int acceptSuggestion(Reader reader, long id, long suggestionId) {
		visible(reader, id);
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		requireEditor(reader, document);
		Suggestion suggestion = this.suggestions.findByIdAndDocumentId(suggestionId, id)
			.orElseThrow(NotFoundException::new);
		if (suggestion.getStatus() != Suggestion.Status.OPEN) {
			throw new InvalidInputException(null, "suggestion.alreadyDecided");
		}
		if (!document.getStatus().isRevisable()) {
			throw new InvalidInputException(null, "document.frozen");
		}
		DocumentVersion current = version(document, document.getCurrentVersion());
		String text = replaceBlock(current, suggestion);
		DocumentVersion next = document.revise(current.getTitle(), this.renderer.render(text), text,
				"suggestion:" + suggestion.getId(), reader.accountId(), reader.name(),
				suggestion.getProposerName() + " (" + suggestion.organisationName(Locale.ENGLISH) + ")",
				this.clock.instant());
		this.versions.save(next);
		suggestion.accept(reader.name(), next.getNumber(), this.clock.instant());
		this.events.publishEvent(
				new DocumentEvents.SuggestionAccepted(id, suggestion.getProposerId(), next.getNumber(), reader.name()));
		return next.getNumber();
	}

	@Transactional
	public void declineSuggestion(Reader reader, long id, long suggestionId, String reason) {
		Document document = visible(reader, id);
		requireEditor(reader, document);
		Suggestion suggestion = this.suggestions.findByIdAndDocumentId(suggestionId, id)
			.orElseThrow(NotFoundException::new);
		if (suggestion.getStatus() != Suggestion.Status.OPEN) {
			throw new InvalidInputException(null, "suggestion.alreadyDecided");
		}
		suggestion.decline(reader.name(), reason.strip(), this.clock.instant());
	}

	// For the modules that drive a document's life after drafting (consensus, publication)

	/**
	 * Gives an adopted document its official number, the next for its body, year and type. The
	 * counter row is incremented in the caller's transaction, so a rolled-back adoption leaves no
	 * gap and two adoptions never share a number.
	 */
	@Transactional
	public String assignOfficialNumber(long id, String bodyLabel) {
		Document document = this.documents.findById(id).orElseThrow(NotFoundException::new);
		if (document.getOfficialNumber() != null) {
			return document.getOfficialNumber();
		}
		this.jdbc.update("""
				INSERT INTO document_number_sequence (body_label, year, type, last_number) VALUES (?, ?, ?, LAST_INSERT_ID(1))
				ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)""", bodyLabel,
				document.getYear(), document.getType().name());
		Integer number = this.jdbc.queryForObject("SELECT LAST_INSERT_ID()", Integer.class);
		String official = "KP/" + document.getYear() + "/" + bodyLabel + "/" + document.getType().officialName() + " "
				+ number;
		document.number(official);
		this.documents.flush();
		return official;
	}

	/** Freezes the current version for a consensus round; its text can no longer be revised. */
	@Transactional
	public DocumentVersion freezeForConsensus(long id, int versionNumber) {
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		try {
			document.freeze(versionNumber, this.clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "consensus.open.notCirculated");
		}
		return version(document, versionNumber);
	}

	/** Records the outcome of the round: adopted (with its official number), not adopted, or released. */
	@Transactional
	public String settleConsensus(long id, DocumentStatus outcome) {
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		document.settle(outcome, this.clock.instant());
		if (outcome == DocumentStatus.ADOPTED) {
			return assignOfficialNumber(id, bodyLabel(document));
		}
		return null;
	}

	/** Lets an organisation read a document beyond its confidentiality, e.g. the host of a review visit. */
	@Transactional
	public void grantReading(long id, long organisationId) {
		this.documents.findById(id).orElseThrow(NotFoundException::new).shareWith(organisationId);
	}

	/** Makes the document public, as when a review report is published with its host's consent. */
	@Transactional
	public void makePublic(long id) {
		this.documents.findById(id).orElseThrow(NotFoundException::new).changeConfidentiality(Confidentiality.PUBLIC);
	}

	/**
	 * Brings into effect the adopted Administrative Decisions among the given documents, with the
	 * communiqué published for their meeting. Other documents, and decisions already in effect,
	 * are left as they are.
	 */
	@Transactional
	public List<Long> bringIntoEffect(java.util.Collection<Long> ids, java.time.LocalDate since, String communiquePath,
			String communiqueTitle) {
		return this.documents.findAllById(ids)
			.stream()
			.filter((document) -> document.takeEffect(since, communiquePath, communiqueTitle))
			.map(Document::getId)
			.toList();
	}

	/** Titles of documents, for messages sent to people already known to be concerned. */
	public Map<Long, String> titles(java.util.Collection<Long> ids) {
		return this.documents.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Document::getId, Document::getTitle));
	}

	/** The status of a document, or null when there is no such document. */
	public DocumentStatus statusOf(long id) {
		return this.documents.findById(id).map(Document::getStatus).orElse(null);
	}

	/** A version as stored, for records that must be checked against the text. */
	public DocumentVersion storedVersion(long id, int number) {
		return this.versions.findByNumber(id, number).orElseThrow(NotFoundException::new);
	}

	private String bodyLabel(Document document) {
		return switch (document.getOwningBody()) {
			case PLENARY -> "Plenary";
			case INTERSESSIONAL -> "Intersessional";
			case WORKING_GROUP -> java.util.Objects.requireNonNullElse(workingGroupName(document), "WG")
				.toUpperCase(Locale.ROOT);
		};
	}

	// Helpers

	private String replaceBlock(DocumentVersion current, Suggestion suggestion) {
		List<DocumentBlock> blocks = this.versions.findBlocks(current.getId());
		Optional<DocumentBlock> block = blocks.stream()
			.filter((candidate) -> candidate.getAnchor().equals(suggestion.getBlockAnchor()))
			.findFirst();
		if (block.isEmpty() || !block.get().getSource().equals(suggestion.getOriginal())) {
			throw new InvalidInputException(null, "suggestion.stale");
		}
		long occurrence = blocks.stream()
			.filter((candidate) -> candidate.getPosition() < block.get().getPosition()
					&& candidate.getSource().equals(suggestion.getOriginal()))
			.count();
		String markdown = current.getMarkdown();
		int at = -1;
		for (long i = 0; i <= occurrence; i++) {
			at = markdown.indexOf(suggestion.getOriginal(), at + 1);
			if (at < 0) {
				throw new InvalidInputException(null, "suggestion.stale");
			}
		}
		return MarkdownRenderer.normalise(markdown.substring(0, at) + suggestion.getProposed()
				+ markdown.substring(at + suggestion.getOriginal().length()));
	}

	private Integer markRead(Reader reader, Document document) {
		List<Integer> previous = this.jdbc.queryForList(
				"SELECT version_number FROM document_read WHERE account_id = ? AND document_id = ?", Integer.class,
				reader.accountId(), document.getId());
		this.jdbc.update("""
				INSERT INTO document_read (account_id, document_id, version_number, read_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE version_number = GREATEST(version_number, VALUES(version_number)),
				  read_at = VALUES(read_at)""", reader.accountId(), document.getId(), document.getCurrentVersion(),
				java.sql.Timestamp.from(this.clock.instant()));
		return previous.isEmpty() ? null : previous.get(0);
	}

	private DocumentVersion version(Document document, int number) {
		return this.versions.findByNumber(document.getId(), number).orElseThrow(NotFoundException::new);
	}

	private Document managed(Reader reader, long id) {
		Document document = visible(reader, id);
		if (!this.policy.canManage(reader, document)) {
			throw new AccessDeniedException("Managing a document is for its editors");
		}
		return document;
	}

	private void requireEditor(Reader reader, Document document) {
		if (!this.policy.canEdit(reader, document)) {
			throw new AccessDeniedException("Revising is for the document's editors");
		}
	}

	private Set<Long> validParticipants(Set<Long> organisationIds) {
		Set<Long> participants = this.directory.organisations()
			.stream()
			.filter((ref) -> ref.kind() == OrganisationKind.PARTICIPANT)
			.map(OrganisationRef::id)
			.collect(Collectors.toSet());
		if (!participants.containsAll(organisationIds)) {
			throw new InvalidInputException("coEditors", "document.coEditors.participantsOnly");
		}
		return Set.copyOf(organisationIds);
	}

	private List<OrganisationRef> guestOrganisations(Map<Long, OrganisationRef> organisations) {
		return organisations.values()
			.stream()
			.filter((ref) -> ref.kind() == OrganisationKind.GUEST)
			.sorted(java.util.Comparator.comparing((OrganisationRef ref) -> ref.name().en()))
			.toList();
	}

	private String workingGroupName(Document document) {
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

	private Permissions permissions(Reader reader, Document document) {
		return new Permissions(this.policy.canEdit(reader, document) && document.getStatus().isRevisable(),
				this.policy.canManage(reader, document), this.policy.canComment(reader, document),
				this.policy.canModerate(reader));
	}

	/** An editor's note, or the portal's own; a typed note can never pass for one of the portal's. */
	private static String noteOr(String note, String fallback) {
		if (!StringUtils.hasText(note)) {
			return fallback;
		}
		String typed = note.strip();
		return (typed.startsWith("document.version.") || typed.startsWith("suggestion:")) ? "“" + typed + "”" : typed;
	}

	private static List<CommentThread> threads(List<Comment> comments) {
		Map<Long, CommentThread> roots = new LinkedHashMap<>();
		Map<Long, Long> rootOf = new java.util.HashMap<>();
		for (Comment comment : comments) {
			if (comment.getParentId() == null || !rootOf.containsKey(comment.getParentId())) {
				roots.put(comment.getId(), new CommentThread(comment, new ArrayList<>()));
				rootOf.put(comment.getId(), comment.getId());
			}
			else {
				Long root = rootOf.get(comment.getParentId());
				roots.get(root).replies().add(comment);
				rootOf.put(comment.getId(), root);
			}
		}
		return List.copyOf(roots.values());
	}

	/** Words for MariaDB's boolean full-text mode: operators stripped, each word required as a prefix. */
	public record Filter(DocumentType type, OwningBody body, Integer year, DocumentStatus status, String query) {
	}

	public record Permissions(boolean edit, boolean manage, boolean comment, boolean moderate) {
	}

	public record CommentThread(Comment comment, List<Comment> replies) {
	}

	public record DocumentPage(Document document, DocumentVersion current, List<DocumentBlock> blocks,
			List<VersionSummary> versions, List<CommentThread> threads, List<Suggestion> suggestions, Integer changedSince,
			Permissions can, List<OrganisationRef> coEditors, List<OrganisationRef> sharedWith,
			List<OrganisationRef> guests, String workingGroup) {

		public List<CommentThread> threadsOn(String anchor) {
			return this.threads.stream()
				.filter((thread) -> java.util.Objects.equals(thread.comment().getBlockAnchor(), anchor)
						&& (anchor == null || thread.comment().getVersionNumber() <= this.current.getNumber()))
				.filter((thread) -> anchor == null || isCurrentAnchor(anchor))
				.toList();
		}

		/** Comments on blocks that no longer exist in the current version. */
		public List<CommentThread> threadsOnEarlierText() {
			return this.threads.stream()
				.filter((thread) -> thread.comment().getBlockAnchor() != null
						&& !isCurrentAnchor(thread.comment().getBlockAnchor()))
				.toList();
		}

		public List<Suggestion> openSuggestionsOn(String anchor) {
			return this.suggestions.stream()
				.filter((s) -> s.getStatus() == Suggestion.Status.OPEN && s.getBlockAnchor().equals(anchor))
				.toList();
		}

		public List<Suggestion> decidedSuggestions() {
			return this.suggestions.stream().filter((s) -> s.getStatus() != Suggestion.Status.OPEN).toList();
		}

		public long openSuggestionCount() {
			return this.suggestions.stream().filter((s) -> s.getStatus() == Suggestion.Status.OPEN).count();
		}

		private boolean isCurrentAnchor(String anchor) {
			return this.blocks.stream().anyMatch((block) -> block.getAnchor().equals(anchor));
		}

		public boolean isShared(long organisationId) {
			return this.sharedWith.stream().anyMatch((ref) -> ref.id() == organisationId);
		}

	}

	public record VersionPage(Document document, DocumentVersion version, List<VersionSummary> versions) {
	}

	public record DiffPage(Document document, DocumentVersion from, DocumentVersion to, List<TextDiff.Line> lines,
			List<VersionSummary> versions) {

		public boolean identical() {
			return this.lines.stream().noneMatch(TextDiff.Line::changed);
		}

	}

	/** Someone saved a version while the editor was working; carries what changed meanwhile. */
	public static class EditConflict extends RuntimeException {

		private final int currentVersion;

		private final String currentAuthor;

		private final transient List<TextDiff.Line> changesMeanwhile;

		EditConflict(int currentVersion, String currentAuthor, List<TextDiff.Line> changesMeanwhile) {
			super("Edit conflict");
			this.currentVersion = currentVersion;
			this.currentAuthor = currentAuthor;
			this.changesMeanwhile = changesMeanwhile;
		}

		public int currentVersion() {
			return this.currentVersion;
		}

		public String currentAuthor() {
			return this.currentAuthor;
		}

		public List<TextDiff.Line> changesMeanwhile() {
			return this.changesMeanwhile;
		}

	}

}
