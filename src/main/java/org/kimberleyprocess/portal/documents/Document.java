package org.kimberleyprocess.portal.documents;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Language;

/** A text the Kimberley Process drafts, discusses and may adopt. */
@Entity
@Table(name = "document")
public class Document {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private DocumentType type;

	private String title;

	/** The language the text is written in. */
	@Enumerated(EnumType.STRING)
	private Language language;

	@Enumerated(EnumType.STRING)
	private OwningBody owningBody;

	private Long workingGroupId;

	private int year;

	@Enumerated(EnumType.STRING)
	private DocumentStatus status;

	@Enumerated(EnumType.STRING)
	private Confidentiality confidentiality;

	private boolean commentsClosed;

	private int currentVersion;

	private String officialNumber;

	private long createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	/** For an Administrative Decision: the day it took effect, with the communiqué that brought it into effect. */
	private java.time.LocalDate inEffectSince;

	private String inEffectPath;

	private String inEffectTitle;

	/**
	 * Raised by every change to the discussion, in the statement of {@link DocumentRepository#discussionChanged};
	 * never written from here, so a change to the document itself cannot put back an older number.
	 */
	@Column(insertable = false, updatable = false)
	private long discussionRevision;

	@Version
	private long version;

	/** Delegations (organisations) whose members may revise the text besides its owners. */
	@ElementCollection
	@CollectionTable(name = "document_editor", joinColumns = @JoinColumn(name = "document_id"))
	@Column(name = "organisation_id")
	private Set<Long> editorOrganisations = new HashSet<>();

	/** Guest organisations the Chair's office shared the document with. */
	@ElementCollection
	@CollectionTable(name = "document_share", joinColumns = @JoinColumn(name = "document_id"))
	@Column(name = "organisation_id")
	private Set<Long> sharedWith = new HashSet<>();

	protected Document() {
	}

	Document(DocumentType type, String title, Language language, OwningBody owningBody, Long workingGroupId,
			int year, Confidentiality confidentiality, long createdBy, Instant now) {
		if ((owningBody == OwningBody.WORKING_GROUP) != (workingGroupId != null)) {
			throw new IllegalArgumentException("A working-group document names its group, and only it");
		}
		this.type = type;
		this.title = title;
		this.language = language;
		this.owningBody = owningBody;
		this.workingGroupId = workingGroupId;
		this.year = year;
		this.confidentiality = confidentiality;
		this.status = DocumentStatus.DRAFT;
		this.currentVersion = 0;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Records that version {@code number} is now the current text. */
	DocumentVersion revise(String newTitle, MarkdownRenderer.Rendered rendered, String markdown, String changeNote,
			long authorId, String authorName, String creditedName, Instant now) {
		if (!this.status.isRevisable()) {
			throw new IllegalStateException("The text of a " + this.status + " document is frozen");
		}
		this.currentVersion++;
		this.title = newTitle;
		this.updatedAt = now;
		if (this.status == DocumentStatus.NOT_ADOPTED) {
			this.status = DocumentStatus.CIRCULATED;
		}
		return new DocumentVersion(this, this.currentVersion, newTitle, markdown, rendered, changeNote, authorId,
				authorName, creditedName, now);
	}

	void circulate(Instant now) {
		if (this.status != DocumentStatus.DRAFT) {
			throw new IllegalStateException("Only a draft is circulated");
		}
		this.status = DocumentStatus.CIRCULATED;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		if (this.status == DocumentStatus.ADOPTED || this.status == DocumentStatus.UNDER_CONSENSUS
				|| this.status == DocumentStatus.WITHDRAWN) {
			throw new IllegalStateException("A " + this.status + " document cannot be withdrawn");
		}
		this.status = DocumentStatus.WITHDRAWN;
		this.updatedAt = now;
	}

	/** Freezes the text while consensus is sought on its current version. */
	void freeze(int versionNumber, Instant now) {
		if (this.status != DocumentStatus.CIRCULATED && this.status != DocumentStatus.NOT_ADOPTED) {
			throw new IllegalStateException("Only a circulated text goes to consensus");
		}
		if (versionNumber != this.currentVersion) {
			throw new IllegalStateException("Consensus is sought on the current version only");
		}
		this.status = DocumentStatus.UNDER_CONSENSUS;
		this.updatedAt = now;
	}

	/** Ends the consensus: adopted, not adopted, or back to circulation when the round is withdrawn. */
	void settle(DocumentStatus outcome, Instant now) {
		if (this.status != DocumentStatus.UNDER_CONSENSUS) {
			throw new IllegalStateException("The document is not under consensus");
		}
		if (outcome != DocumentStatus.ADOPTED && outcome != DocumentStatus.NOT_ADOPTED
				&& outcome != DocumentStatus.CIRCULATED) {
			throw new IllegalArgumentException(outcome.name());
		}
		this.status = outcome;
		this.updatedAt = now;
	}

	void closeComments(boolean closed, Instant now) {
		this.commentsClosed = closed;
		this.updatedAt = now;
	}

	void shareWith(long organisationId) {
		this.sharedWith.add(organisationId);
	}

	void unshare(long organisationId) {
		this.sharedWith.remove(organisationId);
	}

	void setEditorOrganisations(Set<Long> organisations) {
		this.editorOrganisations.clear();
		this.editorOrganisations.addAll(organisations);
	}

	void changeConfidentiality(Confidentiality confidentiality) {
		this.confidentiality = confidentiality;
	}

	/** Comments are taken while the document is open for discussion. */
	public boolean acceptsComments() {
		return !this.commentsClosed
				&& (this.status == DocumentStatus.CIRCULATED || this.status == DocumentStatus.UNDER_CONSENSUS
						|| this.status == DocumentStatus.NOT_ADOPTED);
	}

	public Long getId() {
		return this.id;
	}

	public DocumentType getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public Language getLanguage() {
		return this.language;
	}

	public OwningBody getOwningBody() {
		return this.owningBody;
	}

	public Long getWorkingGroupId() {
		return this.workingGroupId;
	}

	public int getYear() {
		return this.year;
	}

	public DocumentStatus getStatus() {
		return this.status;
	}

	public Confidentiality getConfidentiality() {
		return this.confidentiality;
	}

	public boolean isCommentsClosed() {
		return this.commentsClosed;
	}

	public long getDiscussionRevision() {
		return this.discussionRevision;
	}

	public int getCurrentVersion() {
		return this.currentVersion;
	}

	public String getOfficialNumber() {
		return this.officialNumber;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public Set<Long> getEditorOrganisations() {
		return Set.copyOf(this.editorOrganisations);
	}

	public Set<Long> getSharedWith() {
		return Set.copyOf(this.sharedWith);
	}

	/** An adopted Administrative Decision takes effect with the communiqué of its meeting, once. */
	boolean takeEffect(java.time.LocalDate since, String communiquePath, String communiqueTitle) {
		if (this.type != DocumentType.ADMINISTRATIVE_DECISION || this.status != DocumentStatus.ADOPTED
				|| this.inEffectSince != null) {
			return false;
		}
		this.inEffectSince = since;
		this.inEffectPath = communiquePath;
		this.inEffectTitle = communiqueTitle;
		return true;
	}

	public java.time.LocalDate getInEffectSince() {
		return this.inEffectSince;
	}

	public String getInEffectPath() {
		return this.inEffectPath;
	}

	public String getInEffectTitle() {
		return this.inEffectTitle;
	}

	void number(String officialNumber) {
		this.officialNumber = officialNumber;
	}

}
