package org.kimberleyprocess.portal.chairs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A future year of the schedule as the administration form binds it. */
public class TermForm {

	@NotNull
	@Min(2003)
	@Max(2200)
	private Integer year;

	@NotNull
	private Long chair;

	private Long viceChair;

	/** The adopted decision that allows departing from the rule, where the Chair is not last year's Vice-Chair. */
	private Long departureDocument;

	public Integer getYear() {
		return this.year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public Long getChair() {
		return this.chair;
	}

	public void setChair(Long chair) {
		this.chair = chair;
	}

	public Long getViceChair() {
		return this.viceChair;
	}

	public void setViceChair(Long viceChair) {
		this.viceChair = viceChair;
	}

	public Long getDepartureDocument() {
		return this.departureDocument;
	}

	public void setDepartureDocument(Long departureDocument) {
		this.departureDocument = departureDocument;
	}

}
