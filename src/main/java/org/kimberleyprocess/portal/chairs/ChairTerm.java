package org.kimberleyprocess.portal.chairs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One year of the rotation. */
@Entity
@Table(name = "chair_term")
public class ChairTerm {

	@Id
	private Integer year;

	private long chairOrganisationId;

	private Long viceChairOrganisationId;

	private Long candidateOrganisationId;

	private Long selectionDocumentId;

	private Long departureDocumentId;

	@Version
	private long version;

	protected ChairTerm() {
	}

	ChairTerm(int year, long chairOrganisationId) {
		this.year = year;
		this.chairOrganisationId = chairOrganisationId;
	}

	void awaitSelection(long candidateOrganisationId, long selectionDocumentId) {
		if (candidateOrganisationId == this.chairOrganisationId) {
			throw new IllegalArgumentException("The Chair cannot be its own Vice-Chair");
		}
		this.candidateOrganisationId = candidateOrganisationId;
		this.selectionDocumentId = selectionDocumentId;
	}

	/** Sets a future year by hand, under the checks of the schedule's administration. */
	void set(long chairOrganisationId, Long viceChairOrganisationId, Long departureDocumentId) {
		this.chairOrganisationId = chairOrganisationId;
		this.viceChairOrganisationId = viceChairOrganisationId;
		this.departureDocumentId = departureDocumentId;
	}

	/** The selection decision was adopted: the candidate is Vice-Chair. */
	void selectCandidate() {
		this.viceChairOrganisationId = this.candidateOrganisationId;
		this.candidateOrganisationId = null;
	}

	public int getYear() {
		return this.year;
	}

	public long getChairOrganisationId() {
		return this.chairOrganisationId;
	}

	public Long getViceChairOrganisationId() {
		return this.viceChairOrganisationId;
	}

	public Long getCandidateOrganisationId() {
		return this.candidateOrganisationId;
	}

	public Long getSelectionDocumentId() {
		return this.selectionDocumentId;
	}

	public Long getDepartureDocumentId() {
		return this.departureDocumentId;
	}

}
