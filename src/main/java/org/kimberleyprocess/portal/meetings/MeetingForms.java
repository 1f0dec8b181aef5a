package org.kimberleyprocess.portal.meetings;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What the meeting forms bind. */
public final class MeetingForms {

	private MeetingForms() {
	}

	public static class NewMeeting {

		@NotNull
		private Meeting.Kind kind;

		@NotBlank
		@Size(max = 300)
		private String title;

		/** The French title; the English one is shown where it is not given. */
		@Size(max = 300)
		private String titleFr;

		private Long host;

		/** For a working group's meeting: the group. */
		private Long group;

		public Long getGroup() {
			return this.group;
		}

		public void setGroup(Long group) {
			this.group = group;
		}

		@NotBlank
		@Size(max = 200)
		private String place;

		@Size(max = 200)
		private String placeFr;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate start;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate end;

		public Meeting.Kind getKind() {
			return this.kind;
		}

		public void setKind(Meeting.Kind kind) {
			this.kind = kind;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Long getHost() {
			return this.host;
		}

		public void setHost(Long host) {
			this.host = host;
		}

		public String getTitleFr() {
			return this.titleFr;
		}

		public void setTitleFr(String titleFr) {
			this.titleFr = titleFr;
		}

		public String getPlaceFr() {
			return this.placeFr;
		}

		public void setPlaceFr(String placeFr) {
			this.placeFr = placeFr;
		}

		public String getPlace() {
			return this.place;
		}

		public void setPlace(String place) {
			this.place = place;
		}

		public LocalDate getStart() {
			return this.start;
		}

		public void setStart(LocalDate start) {
			this.start = start;
		}

		public LocalDate getEnd() {
			return this.end;
		}

		public void setEnd(LocalDate end) {
			this.end = end;
		}

	}

	public static class NewItem {

		@NotBlank
		@Size(max = 300)
		private String title;

		private Long document;

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Long getDocument() {
			return this.document;
		}

		public void setDocument(Long document) {
			this.document = document;
		}

	}

}
