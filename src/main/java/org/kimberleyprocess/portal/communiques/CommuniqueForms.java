package org.kimberleyprocess.portal.communiques;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the Chair's office types to publish a communiqué or a corrigendum. */
public final class CommuniqueForms {

	private CommuniqueForms() {
	}

	public static class Publication {

		@NotNull
		private Long document;

		@NotNull
		private Long meeting;

		/** The part of the address after the year, e.g. {@code dubai-plenary}. */
		@NotBlank
		@Size(max = 100)
		private String slug;

		/** Set by the confirmation page's submit: the second, deliberate one that publishes. */
		private boolean confirmed;

		public boolean isConfirmed() {
			return this.confirmed;
		}

		public void setConfirmed(boolean confirmed) {
			this.confirmed = confirmed;
		}

		public Long getDocument() {
			return this.document;
		}

		public void setDocument(Long document) {
			this.document = document;
		}

		public Long getMeeting() {
			return this.meeting;
		}

		public void setMeeting(Long meeting) {
			this.meeting = meeting;
		}

		public String getSlug() {
			return this.slug;
		}

		public void setSlug(String slug) {
			this.slug = slug;
		}

	}

	public static class Corrigendum {

		@NotBlank
		@Size(max = 200_000)
		private String text;

		@NotBlank
		@Size(max = 1000)
		private String note;

		/** The revision the correction was made on, to refuse one made on a text corrected meanwhile. */
		private int baseRevision;

		/** Set by the confirmation page's submit: the second, deliberate one that publishes. */
		private boolean confirmed;

		public boolean isConfirmed() {
			return this.confirmed;
		}

		public void setConfirmed(boolean confirmed) {
			this.confirmed = confirmed;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public int getBaseRevision() {
			return this.baseRevision;
		}

		public void setBaseRevision(int baseRevision) {
			this.baseRevision = baseRevision;
		}

	}

}
