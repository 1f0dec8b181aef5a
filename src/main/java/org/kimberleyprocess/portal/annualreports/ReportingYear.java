package org.kimberleyprocess.portal.annualreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reporting year: the calendar year reported on, its due date and its template's sections in order. */
@Entity
@Table(name = "annual_report_year")
public class ReportingYear {

	@Id
	private Integer year;

	private LocalDate dueDate;

	@ElementCollection
	@CollectionTable(name = "annual_report_section", joinColumns = @JoinColumn(name = "year"))
	@OrderColumn(name = "position")
	private List<Section> sections = new ArrayList<>();

	@Version
	private long version;

	protected ReportingYear() {
	}

	ReportingYear(int year, LocalDate dueDate, List<Section> sections) {
		this.year = year;
		revise(dueDate, sections);
	}

	/** The 31 March after the year reported on, as the administrative decision sets it. */
	static LocalDate defaultDueDate(int year) {
		return LocalDate.of(year + 1, 3, 31);
	}

	void revise(LocalDate dueDate, List<Section> sections) {
		if (sections.isEmpty()) {
			throw new IllegalArgumentException("A template has sections");
		}
		this.dueDate = dueDate;
		this.sections.clear();
		this.sections.addAll(sections);
	}

	public int getYear() {
		return this.year;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public List<Section> getSections() {
		return List.copyOf(this.sections);
	}

	@Embeddable
	public record Section(@Column(name = "title_en") String titleEn, @Column(name = "title_fr") String titleFr) {

		public String title(java.util.Locale locale) {
			return "fr".equals(locale.getLanguage()) ? this.titleFr : this.titleEn;
		}

	}

}
