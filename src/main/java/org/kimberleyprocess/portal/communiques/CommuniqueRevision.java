package org.kimberleyprocess.portal.communiques;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One published state of a communiqué's text, never changed afterwards: revision 1 is the
 * adopted version as it was adopted; each later revision is a corrigendum with its public note.
 */
@Entity
@Immutable
@Table(name = "communique_revision")
public class CommuniqueRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long communiqueId;

	private int number;

	private String title;

	private String markdown;

	private String html;

	private String sha256;

	private String note;

	private Instant publishedAt;

	private String publishedByName;

	protected CommuniqueRevision() {
	}

	CommuniqueRevision(long communiqueId, int number, String title, String markdown, String html, String sha256,
			String note, Instant publishedAt, String publishedByName) {
		this.communiqueId = communiqueId;
		this.number = number;
		this.title = title;
		this.markdown = markdown;
		this.html = html;
		this.sha256 = sha256;
		this.note = note;
		this.publishedAt = publishedAt;
		this.publishedByName = publishedByName;
	}

	public boolean isCorrigendum() {
		return this.number > 1;
	}

	public Long getId() {
		return this.id;
	}

	public long getCommuniqueId() {
		return this.communiqueId;
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

	/** Sanitised when the text was rendered; safe to insert into a page as it is. */
	public String getHtml() {
		return this.html;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getPublishedByName() {
		return this.publishedByName;
	}

}
