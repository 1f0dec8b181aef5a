package org.kimberleyprocess.portal.reviewvisits;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One step of a visit's timeline: who moved it from which state to which, when and why. */
@Entity
@Immutable
@Table(name = "review_visit_event")
public class VisitEvent {

	private static final String SAID = "\u0002";

	private static final String PERIOD = "\u0003";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long visitId;

	@Enumerated(EnumType.STRING)
	private VisitStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private VisitStatus toStatus;

	private String actorName;

	private String note;

	private String noteFr;

	private Instant at;

	protected VisitEvent() {
	}

	VisitEvent(long visitId, VisitStatus fromStatus, VisitStatus toStatus, String actorName, String note, String noteFr,
			Instant at) {
		this.noteFr = noteFr;
		this.visitId = visitId;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.actorName = actorName;
		this.note = note;
		this.at = at;
	}

	public VisitStatus getFromStatus() {
		return this.fromStatus;
	}

	public VisitStatus getToStatus() {
		return this.toStatus;
	}

	public String getActorName() {
		return this.actorName;
	}

	public String getNote() {
		return this.note;
	}

	/**
	 * The language of {@link #noteIn} for a page's {@code lang} attribute: {@code "en"} where a
	 * French page shows a reason given in English only, otherwise {@code null}.
	 */
	public String noteLangIn(java.util.Locale locale) {
		boolean typed = this.note != null && !this.note.startsWith(SAID) && !this.note.startsWith(PERIOD);
		return (typed && "fr".equals(locale.getLanguage()) && this.noteFr == null) ? "en" : null;
	}

	/** A note the portal writes itself: a message, shown in each reader's language. */
	static String said(String messageKey) {
		return SAID + messageKey;
	}

	/** A note giving the visit's dates, shown as each reader's language writes a period. */
	static String period(java.time.LocalDate start, java.time.LocalDate end) {
		return PERIOD + start + "/" + end;
	}

	/**
	 * The note in the reader's language: what the portal wrote itself as a message or a period,
	 * what a person typed (a reason) as they typed it.
	 */
	public String noteIn(org.springframework.context.MessageSource messages, java.util.Locale locale) {
		if (this.note == null) {
			return null;
		}
		if (this.note.startsWith(SAID)) {
			return messages.getMessage(this.note.substring(SAID.length()), null, locale);
		}
		if (this.note.startsWith(PERIOD)) {
			String[] days = this.note.substring(PERIOD.length()).split("/");
			return org.kimberleyprocess.portal.shared.Dates.period(java.time.LocalDate.parse(days[0]),
					java.time.LocalDate.parse(days[1]), locale);
		}
		return ("fr".equals(locale.getLanguage()) && this.noteFr != null) ? this.noteFr : this.note;
	}

	public Instant getAt() {
		return this.at;
	}

}
