package org.kimberleyprocess.portal.notifications;

/** What a person is told about, and how by default. */
public enum NotificationType {

	ROUND_OPENED(Delivery.IMMEDIATE), DEADLINE_REMINDER(Delivery.IMMEDIATE), POSITION_RECORDED(Delivery.IMMEDIATE),
	DOCUMENT_CIRCULATED(Delivery.DIGEST), DOCUMENT_ADOPTED(Delivery.DIGEST), COMMENT_REPLY(Delivery.IMMEDIATE),
	SUGGESTION_ACCEPTED(Delivery.IMMEDIATE), COMMUNIQUE_PUBLISHED(Delivery.DIGEST), VISIT_MOVED(Delivery.DIGEST),
	AGENDA_CHANGED(Delivery.DIGEST), ROTATION_MISSING(Delivery.IMMEDIATE),
	ANNUAL_REPORT_DUE(Delivery.IMMEDIATE);

	/** How a notification reaches the person besides the inbox. */
	public enum Delivery {

		IMMEDIATE, DIGEST, OFF

	}

	private final Delivery byDefault;

	NotificationType(Delivery byDefault) {
		this.byDefault = byDefault;
	}

	public Delivery byDefault() {
		return this.byDefault;
	}

}
