package org.kimberleyprocess.portal.documents;

public enum DocumentType {

	ADMINISTRATIVE_DECISION("Administrative Decision"), DECISION("Decision"), COMMUNIQUE("Communiqué"),
	WORKING_GROUP_PAPER("Working-group paper"), REVIEW_REPORT("Review report"),
	ANNUAL_REPORT("Annual report"), ANNUAL_REPORT_ASSESSMENT("Annual report assessment");

	private final String officialName;

	DocumentType(String officialName) {
		this.officialName = officialName;
	}

	/** The name used in official numbers, which are always in English. */
	public String officialName() {
		return this.officialName;
	}

}
