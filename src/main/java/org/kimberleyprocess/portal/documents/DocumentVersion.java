package org.kimberleyprocess.portal.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One saved state of a document's text, never changed afterwards: its Markdown (normalised),
 * the sanitised HTML rendered once when it was saved, its blocks and the SHA-256 of its text.
 */
@Entity
@Immutable
@Table(name = "document_version")
public class DocumentVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "document_id")
	private Document document;

	private int number;

	private String title;

	private String markdown;

	private String html;

	private String sha256;

	private String changeNote;

	private long authorId;

	private String authorName;

	private String creditedName;

	private Instant createdAt;

	@OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
	@OrderBy("position")
	private List<DocumentBlock> blocks = new ArrayList<>();

	protected DocumentVersion() {
	}

	DocumentVersion(Document document, int number, String title, String markdown, MarkdownRenderer.Rendered rendered,
			String changeNote, long authorId, String authorName, String creditedName, Instant createdAt) {
		this.document = document;
		this.number = number;
		this.title = title;
		this.markdown = markdown;
		this.html = rendered.html();
		this.sha256 = MarkdownRenderer.sha256(markdown);
		this.changeNote = changeNote;
		this.authorId = authorId;
		this.authorName = authorName;
		this.creditedName = creditedName;
		this.createdAt = createdAt;
		rendered.blocks().forEach((block) -> this.blocks.add(new DocumentBlock(this, block)));
	}

	public Long getId() {
		return this.id;
	}

	public int getNumber() {
		return this.number;
	}

	public String getTitle() {
		return this.title;
	}

	public String getMarkdown() {
		return this.markdown;
	}

	/** Sanitised when the version was saved; safe to insert into a page as it is. */
	public String getHtml() {
		return this.html;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getCreditedName() {
		return this.creditedName;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	List<DocumentBlock> getBlocks() {
		return this.blocks;
	}

	Document getDocument() {
		return this.document;
	}

}
