package org.kimberleyprocess.portal.meetings;

import java.time.LocalDate;

/** What search shows of a meeting: its names in each language and when it starts. */
public record MeetingHit(long id, String title, String titleFr, String place, String placeFr, LocalDate startDate) {

}
