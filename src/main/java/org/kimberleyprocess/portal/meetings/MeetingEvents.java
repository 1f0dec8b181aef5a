package org.kimberleyprocess.portal.meetings;

/** What meetings announce, for notifications. */
public final class MeetingEvents {

	private MeetingEvents() {
	}

	/** An item was added to the meeting's agenda or its outcome recorded. */
	public record AgendaChanged(long meetingId, String meetingTitle, String item) {
	}

}
