package org.kimberleyprocess.portal.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Localized;

/**
 * A comment on a document, on one block of one version or on the whole text, possibly replying
 * to another. Who wrote it and for which organisation is kept as it was when it was written.
 */
@Entity
@Table(name = "document_comment")
public class Comment {

	/** How long an author may still correct what they wrote. */
	public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private int versionNumber;

	private String blockAnchor;

	private Long parentId;

	private long authorId;

	private String authorName;

	private String organisationEn;

	private String organisationFr;

	private String organisationKind;

	private String markdown;

	private String html;

	private Instant createdAt;

	private Instant editedAt;

	private Instant deletedAt;

	private String hiddenReason;

	private String hiddenByName;

	@Version
	private long version;

	protected Comment() {
	}

	Comment(long documentId, int versionNumber, String blockAnchor, Long parentId, Author author, String markdown,
			String html, Instant now) {
		this.documentId = documentId;
		this.versionNumber = versionNumber;
		this.blockAnchor = blockAnchor;
		this.parentId = parentId;
		this.authorId = author.accountId();
		this.authorName = author.name();
		this.organisationEn = author.organisation().en();
		this.organisationFr = author.organisation().fr();
		this.organisationKind = author.organisationKind();
		this.markdown = markdown;
		this.html = html;
		this.createdAt = now;
	}

	public boolean isEditableBy(long accountId, Instant now) {
		return this.authorId == accountId && this.deletedAt == null && this.hiddenReason == null
				&& now.isBefore(this.createdAt.plus(EDIT_WINDOW));
	}

	void edit(long accountId, String markdown, String html, Instant now) {
		if (!isEditableBy(accountId, now)) {
			throw new IllegalStateException("The comment can no longer be edited");
		}
		this.markdown = markdown;
		this.html = html;
		this.editedAt = now;
	}

	/** Leaves a tombstone: the thread keeps its shape, the words are gone. */
	void delete(long accountId, Instant now) {
		if (this.authorId != accountId || this.deletedAt != null) {
			throw new IllegalStateException("Only its author deletes a comment, once");
		}
		this.deletedAt = now;
		this.markdown = "";
		this.html = "";
	}

	void hide(String reason, String byName) {
		this.hiddenReason = reason;
		this.hiddenByName = byName;
	}

	public Long getId() {
		return this.id;
	}

	public long getDocumentId() {
		return this.documentId;
	}

	public int getVersionNumber() {
		return this.versionNumber;
	}

	public String getBlockAnchor() {
		return this.blockAnchor;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public long getAuthorId() {
		return this.authorId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String organisationName(Locale locale) {
		return new Localized(this.organisationEn, this.organisationFr).in(locale);
	}

	public String getOrganisationKind() {
		return this.organisationKind;
	}

	public String getMarkdown() {
		return this.markdown;
	}

	/** Sanitised when written; safe to insert into a page. */
	public String getHtml() {
		return this.html;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getEditedAt() {
		return this.editedAt;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public boolean isHidden() {
		return this.hiddenReason != null;
	}

	public String getHiddenReason() {
		return this.hiddenReason;
	}

	public String getHiddenByName() {
		return this.hiddenByName;
	}

	public long getVersion() {
		return this.version;
	}

}
