package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentForms.NewSuggestion;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Suggested changes: a proposed new text for one block, which an editor accepts (it becomes a
 * new version crediting the proposer) or declines with a reason.
 */
@Service
@Transactional(readOnly = true)
public class SuggestedChanges {

	private final DocumentRepository documents;

	private final DocumentVersionRepository versions;

	private final SuggestionRepository suggestions;

	private final DocumentReading reading;

	private final DocumentPolicy policy;

	private final MarkdownRenderer renderer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SuggestedChanges(DocumentRepository documents, DocumentVersionRepository versions, SuggestionRepository suggestions, DocumentReading reading, DocumentPolicy policy, MarkdownRenderer renderer, Clock clock, ApplicationEventPublisher events) {
		this.documents = documents;
		this.versions = versions;
		this.suggestions = suggestions;
		this.reading = reading;
		this.policy = policy;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public long suggest(Reader reader, long id, NewSuggestion form) {
		Document document = this.reading.visible(reader, id);
		if (!this.policy.canComment(reader, document)) {
			throw new InvalidInputException("proposed", "comment.closed");
		}
		DocumentVersion current = this.reading.version(document, document.getCurrentVersion());
		DocumentBlock block = this.reading.blocks(current)
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
		long suggestionId = this.suggestions.save(suggestion).getId();
		this.documents.discussionChanged(id);
		return suggestionId;
	}

	/** Applies the proposed text to the current version as a new version crediting the proposer. */
	@Transactional
	public int acceptSuggestion(Reader reader, long id, long suggestionId) {
		this.reading.visible(reader, id);
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
		DocumentVersion current = this.reading.version(document, document.getCurrentVersion());
		String text = replaceBlock(current, suggestion);
		DocumentVersion next = document.revise(current.getTitle(), this.renderer.render(text), text,
				"suggestion:" + suggestion.getId(), reader.accountId(), reader.name(),
				suggestion.getProposerName() + " (" + suggestion.organisationName(Locale.ENGLISH) + ")",
				this.clock.instant());
		this.versions.save(next);
		suggestion.accept(reader.name(), next.getNumber(), this.clock.instant());
		this.documents.discussionChanged(id);
		this.events.publishEvent(
				new DocumentEvents.SuggestionAccepted(id, suggestion.getProposerId(), next.getNumber(), reader.name()));
		return next.getNumber();
	}

	@Transactional
	public void declineSuggestion(Reader reader, long id, long suggestionId, String reason) {
		Document document = this.reading.visible(reader, id);
		requireEditor(reader, document);
		Suggestion suggestion = this.suggestions.findByIdAndDocumentId(suggestionId, id)
			.orElseThrow(NotFoundException::new);
		if (suggestion.getStatus() != Suggestion.Status.OPEN) {
			throw new InvalidInputException(null, "suggestion.alreadyDecided");
		}
		suggestion.decline(reader.name(), reason.strip(), this.clock.instant());
		this.documents.discussionChanged(id);
	}

	private void requireEditor(Reader reader, Document document) {
		if (!this.policy.canEdit(reader, document)) {
			throw new AccessDeniedException("Revising is for the document's editors");
		}
	}

	private String replaceBlock(DocumentVersion current, Suggestion suggestion) {
		List<DocumentBlock> blocks = this.reading.blocks(current);
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

}
