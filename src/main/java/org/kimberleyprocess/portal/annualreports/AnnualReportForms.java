package org.kimberleyprocess.portal.annualreports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The forms of the annual-report pages. */
final class AnnualReportForms {

	private AnnualReportForms() {
	}

	static final int MAX_SECTIONS = 30;

	/** The template: a due date (ISO, as typed, so a bad one is kept) and the sections, blank rows ignored. */
	static class Template {

		private String dueDate;

		private List<SectionRow> sections = new ArrayList<>();

		public String getDueDate() {
			return this.dueDate;
		}

		public void setDueDate(String dueDate) {
			this.dueDate = dueDate;
		}

		public List<SectionRow> getSections() {
			return this.sections;
		}

		public void setSections(List<SectionRow> sections) {
			this.sections = sections;
		}

	}

	static class SectionRow {

		@Size(max = 200)
		private String titleEn = "";

		@Size(max = 200)
		private String titleFr = "";

		SectionRow() {
		}

		SectionRow(String titleEn, String titleFr) {
			this.titleEn = titleEn;
			this.titleFr = titleFr;
		}

		public String getTitleEn() {
			return this.titleEn;
		}

		public void setTitleEn(String titleEn) {
			this.titleEn = titleEn;
		}

		public String getTitleFr() {
			return this.titleFr;
		}

		public void setTitleFr(String titleFr) {
			this.titleFr = titleFr;
		}

	}

	static class Markings {

		private Set<Integer> publicSections = new HashSet<>();

		public Set<Integer> getPublicSections() {
			return this.publicSections;
		}

		public void setPublicSections(Set<Integer> publicSections) {
			this.publicSections = publicSections;
		}

	}

	static class Reviewers {

		private Set<Long> organisations = new HashSet<>();

		public Set<Long> getOrganisations() {
			return this.organisations;
		}

		public void setOrganisations(Set<Long> organisations) {
			this.organisations = organisations;
		}

	}

	static class OutcomeForm {

		@NotNull
		private Outcome outcome;

		@Size(max = 4000)
		private String note;

		public Outcome getOutcome() {
			return this.outcome;
		}

		public void setOutcome(Outcome outcome) {
			this.outcome = outcome;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}
