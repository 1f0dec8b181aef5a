package org.kimberleyprocess.portal.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import org.kimberleyprocess.portal.documents.MarkdownRenderer.BlockKind;

/** A paragraph, heading, list item or table of one version, where comments and suggestions attach. */
@Entity
@Immutable
@Table(name = "document_block")
public class DocumentBlock {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "version_id")
	private DocumentVersion version;

	private int position;

	private String anchor;

	@Enumerated(EnumType.STRING)
	private BlockKind kind;

	private String source;

	private String excerpt;

	protected DocumentBlock() {
	}

	DocumentBlock(DocumentVersion version, MarkdownRenderer.Block block) {
		this.version = version;
		this.position = block.position();
		this.anchor = block.anchor();
		this.kind = block.kind();
		this.source = block.source();
		this.excerpt = block.excerpt();
	}

	public int getPosition() {
		return this.position;
	}

	public String getAnchor() {
		return this.anchor;
	}

	public BlockKind getKind() {
		return this.kind;
	}

	public String getSource() {
		return this.source;
	}

	public String getExcerpt() {
		return this.excerpt;
	}

}
