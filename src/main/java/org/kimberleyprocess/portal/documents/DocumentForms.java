package org.kimberleyprocess.portal.documents;

import java.util.HashSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.kimberleyprocess.portal.shared.Language;

/** What the document forms bind; entities never bind to requests. */
public final class DocumentForms {

	static final int MAX_TEXT = 500_000;

	private DocumentForms() {
	}

	public static class NewDocument {

		@NotBlank
		@Size(max = 300)
		private String title;

		/** The language the text is written in; the form offers the author's. */
		@NotNull
		private Language language = Language.EN;

		@NotNull
		private DocumentType type;

		/** PLENARY, INTERSESSIONAL, or the id of a working group. */
		@NotBlank
		@Size(max = 40)
		private String body;

		@NotNull
		@Min(2000)
		@Max(2100)
		private Integer year;

		@NotNull
		private Confidentiality confidentiality;

		@NotBlank
		@Size(max = MAX_TEXT)
		private String text;

		@Size(max = 500)
		private String changeNote;

		private Set<Long> coEditors = new HashSet<>();

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Language getLanguage() {
			return this.language;
		}

		public void setLanguage(Language language) {
			this.language = language;
		}

		public DocumentType getType() {
			return this.type;
		}

		public void setType(DocumentType type) {
			this.type = type;
		}

		public String getBody() {
			return this.body;
		}

		public void setBody(String body) {
			this.body = body;
		}

		public Integer getYear() {
			return this.year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}

		public Confidentiality getConfidentiality() {
			return this.confidentiality;
		}

		public void setConfidentiality(Confidentiality confidentiality) {
			this.confidentiality = confidentiality;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getChangeNote() {
			return this.changeNote;
		}

		public void setChangeNote(String changeNote) {
			this.changeNote = changeNote;
		}

		public Set<Long> getCoEditors() {
			return this.coEditors;
		}

		public void setCoEditors(Set<Long> coEditors) {
			this.coEditors = (coEditors == null) ? new HashSet<>() : coEditors;
		}

	}

	public static class Revision {

		@NotBlank
		@Size(max = 300)
		private String title;

		@NotBlank
		@Size(max = MAX_TEXT)
		private String text;

		@Size(max = 500)
		private String changeNote;

		private int baseVersion;

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getChangeNote() {
			return this.changeNote;
		}

		public void setChangeNote(String changeNote) {
			this.changeNote = changeNote;
		}

		public int getBaseVersion() {
			return this.baseVersion;
		}

		public void setBaseVersion(int baseVersion) {
			this.baseVersion = baseVersion;
		}

	}

	public static class NewComment {

		@NotBlank
		@Size(max = 20_000)
		private String text;

		@Size(max = 100)
		private String blockAnchor;

		private Long parentId;

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getBlockAnchor() {
			return this.blockAnchor;
		}

		public void setBlockAnchor(String blockAnchor) {
			this.blockAnchor = blockAnchor;
		}

		public Long getParentId() {
			return this.parentId;
		}

		public void setParentId(Long parentId) {
			this.parentId = parentId;
		}

	}

	public static class NewSuggestion {

		@NotBlank
		@Size(max = 100)
		private String blockAnchor;

		@NotBlank
		@Size(max = 100_000)
		private String proposed;

		@NotBlank
		@Size(max = 1000)
		private String explanation;

		public String getBlockAnchor() {
			return this.blockAnchor;
		}

		public void setBlockAnchor(String blockAnchor) {
			this.blockAnchor = blockAnchor;
		}

		public String getProposed() {
			return this.proposed;
		}

		public void setProposed(String proposed) {
			this.proposed = proposed;
		}

		public String getExplanation() {
			return this.explanation;
		}

		public void setExplanation(String explanation) {
			this.explanation = explanation;
		}

	}

	public static class Reason {

		@NotBlank
		@Size(max = 1000)
		private String reason;

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

}
