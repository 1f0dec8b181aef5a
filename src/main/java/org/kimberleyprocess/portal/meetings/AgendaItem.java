package org.kimberleyprocess.portal.meetings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item of a meeting's agenda, possibly on a document whose consensus is sought there. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long meetingId;

	private int position;

	private String title;

	private Long documentId;

	private String outcome;

	protected AgendaItem() {
	}

	AgendaItem(long meetingId, int position, String title, Long documentId) {
		this.meetingId = meetingId;
		this.position = position;
		this.title = title;
		this.documentId = documentId;
	}

	void recordOutcome(String outcome) {
		this.outcome = outcome;
	}

	public Long getId() {
		return this.id;
	}

	public long getMeetingId() {
		return this.meetingId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getTitle() {
		return this.title;
	}

	public Long getDocumentId() {
		return this.documentId;
	}

	public String getOutcome() {
		return this.outcome;
	}

}
