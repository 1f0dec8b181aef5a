package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentForms.NewComment;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * The discussion of a document: comments on a block or on the whole text, replies, the author's
 * edits and deletions within the edit window, and moderation by the Chair's office.
 */
@Service
@Transactional(readOnly = true)
public class Discussion {

	private final CommentRepository comments;

	private final DocumentRepository documents;

	private final DocumentReading reading;

	private final DocumentPolicy policy;

	private final MarkdownRenderer renderer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Discussion(CommentRepository comments, DocumentRepository documents, DocumentReading reading, DocumentPolicy policy, MarkdownRenderer renderer, Clock clock, ApplicationEventPublisher events) {
		this.comments = comments;
		this.documents = documents;
		this.reading = reading;
		this.policy = policy;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public long comment(Reader reader, long id, NewComment form) {
		Document document = this.reading.visible(reader, id);
		if (!this.policy.canComment(reader, document)) {
			throw new InvalidInputException("text", "comment.closed");
		}
		String anchor = StringUtils.hasText(form.getBlockAnchor()) ? form.getBlockAnchor() : null;
		int versionNumber = document.getCurrentVersion();
		Long repliedTo = null;
		Long thread = null;
		if (form.getParentId() != null) {
			Comment parent = this.comments.findByIdAndDocumentId(form.getParentId(), id)
				.orElseThrow(() -> new InvalidInputException("text", "comment.parent.unknown"));
			repliedTo = parent.getAuthorId();
			anchor = parent.getBlockAnchor();
			versionNumber = parent.getVersionNumber();
			thread = (parent.getParentId() == null) ? parent.getId() : parent.getParentId();
		}
		else if (anchor != null) {
			String wanted = anchor;
			DocumentVersion current = this.reading.version(document, versionNumber);
			if (this.reading.blocks(current).stream().noneMatch((b) -> b.getAnchor().equals(wanted))) {
				throw new InvalidInputException("blockAnchor", "comment.block.unknown");
			}
		}
		String markdown = MarkdownRenderer.normalise(form.getText());
		if (markdown.isEmpty()) {
			throw new InvalidInputException("text", "comment.empty");
		}
		Comment comment = new Comment(id, versionNumber, anchor, thread, Author.of(reader), markdown,
				this.renderer.renderComment(markdown), this.clock.instant());
		long commentId = this.comments.save(comment).getId();
		this.documents.discussionChanged(id);
		this.events.publishEvent(
				new DocumentEvents.CommentPosted(id, commentId, repliedTo, reader.accountId(), reader.name()));
		return commentId;
	}

	@Transactional
	public void editComment(Reader reader, long id, long commentId, String text) {
		Document document = this.reading.visible(reader, id);
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
		this.documents.discussionChanged(id);
	}

	@Transactional
	public void deleteComment(Reader reader, long id, long commentId) {
		Document document = this.reading.visible(reader, id);
		Comment comment = this.comments.findByIdAndDocumentId(commentId, id).orElseThrow(NotFoundException::new);
		if (comment.getAuthorId() != reader.accountId()) {
			throw new AccessDeniedException("Only its author deletes a comment");
		}
		if (!document.acceptsComments()) {
			throw new InvalidInputException(null, "comment.closed");
		}
		if (!comment.isDeleted()) {
			comment.delete(reader.accountId(), this.clock.instant());
			this.documents.discussionChanged(id);
		}
	}

	@Transactional
	public void hideComment(Reader reader, long id, long commentId, String reason) {
		this.reading.visible(reader, id);
		if (!this.policy.canModerate(reader)) {
			throw new AccessDeniedException("Moderation is for the Chair's office");
		}
		Comment comment = this.comments.findByIdAndDocumentId(commentId, id).orElseThrow(NotFoundException::new);
		if (comment.isHidden()) {
			throw new InvalidInputException(null, "comment.alreadyHidden");
		}
		comment.hide(reason.strip(), reader.name());
		this.documents.discussionChanged(id);
	}

	// Suggested changes

}
