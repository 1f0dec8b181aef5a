package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.DocumentForms.Revision;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.Language;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Drafting: a new document and each new version of its text, with the guard that keeps two
 * editors from overwriting each other.
 */
@Service
@Transactional(readOnly = true)
public class Drafting {

	private final DocumentRepository documents;

	private final DocumentVersionRepository versions;

	private final DocumentReading reading;

	private final DocumentPolicy policy;

	private final MarkdownRenderer renderer;

	private final DirectoryQueries directory;

	private final Clock clock;

	Drafting(DocumentRepository documents, DocumentVersionRepository versions, DocumentReading reading, DocumentPolicy policy, MarkdownRenderer renderer, DirectoryQueries directory, Clock clock) {
		this.documents = documents;
		this.versions = versions;
		this.reading = reading;
		this.policy = policy;
		this.renderer = renderer;
		this.directory = directory;
		this.clock = clock;
	}

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
		Document document = new Document(form.getType(), form.getTitle().strip(), form.getLanguage(), body,
				workingGroupId, form.getYear(), form.getConfidentiality(), reader.accountId(), now);
		document.setEditorOrganisations(validParticipants(form.getCoEditors()));
		this.documents.save(document);
		DocumentVersion first = document.revise(form.getTitle().strip(), this.renderer.render(text), text,
				noteOr(form.getChangeNote(), "document.version.first"), reader.accountId(), reader.name(), null, now);
		this.versions.save(first);
		return document.getId();
	}

	/**
	 * Starts a document that another module has already decided the reader may start, such as a
	 * Participant's annual report or its assessment: the caller names the body, the confidentiality
	 * and the delegations that revise it.
	 */
	@Transactional
	public long createFor(Reader reader, NewDraft draft) {
		String text = MarkdownRenderer.normalise(draft.text());
		Instant now = this.clock.instant();
		Document document = new Document(draft.type(), draft.title(), draft.language(), draft.body(),
				draft.workingGroupId(), draft.year(), draft.confidentiality(), reader.accountId(), now);
		document.setEditorOrganisations(validParticipants(draft.editors()));
		this.documents.save(document);
		this.versions.save(document.revise(draft.title(), this.renderer.render(text), text, "document.version.first",
				reader.accountId(), reader.name(), null, now));
		return document.getId();
	}

	/** What {@link #createFor} starts. */
	public record NewDraft(DocumentType type, String title, Language language, OwningBody body, Long workingGroupId,
			int year, Confidentiality confidentiality, Set<Long> editors, String text) {
	}

	/**
	 * Saves a new version, unless someone saved one since the editor opened the form: then
	 * nothing is saved and the conflict says what changed meanwhile, so no text is lost.
	 */
	@Transactional
	public int revise(Reader reader, long id, Revision form) {
		this.reading.visible(reader, id);
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		requireEditor(reader, document);
		if (!document.getStatus().isRevisable()) {
			throw new InvalidInputException(null, "document.frozen");
		}
		if (document.getCurrentVersion() != form.getBaseVersion()) {
			DocumentVersion base = this.reading.version(document, form.getBaseVersion());
			DocumentVersion current = this.reading.version(document, document.getCurrentVersion());
			throw new EditConflict(current.getNumber(), current.getAuthorName(),
					TextDiff.between(base.getMarkdown(), current.getMarkdown()));
		}
		String text = MarkdownRenderer.normalise(form.getText());
		DocumentVersion current = this.reading.version(document, document.getCurrentVersion());
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

	/** An editor's note, or the portal's own; a typed note can never pass for one of the portal's. */
	private static String noteOr(String note, String fallback) {
		if (!StringUtils.hasText(note)) {
			return fallback;
		}
		String typed = note.strip();
		return (typed.startsWith("document.version.") || typed.startsWith("suggestion:")) ? "“" + typed + "”" : typed;
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
