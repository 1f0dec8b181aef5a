package org.kimberleyprocess.portal.reviewvisits;

/** Where an expert comes from, as the team rules count it. */
public enum Affiliation {

	PARTICIPANT, INDUSTRY, CIVIL_SOCIETY, OTHER

}
