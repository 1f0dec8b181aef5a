package org.kimberleyprocess.portal.annualreports;

/** What the Working Group on Monitoring concludes on a report after its review. */
public enum Outcome {

	ACCEPTED, QUESTIONS_RAISED, FOLLOW_UP_REQUESTED

}
