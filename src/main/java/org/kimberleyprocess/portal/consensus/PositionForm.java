package org.kimberleyprocess.portal.consensus;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Recording a position: for which Participant, which position, and the reason for an objection. */
public class PositionForm {

	@NotNull
	private Long participant;

	@NotNull
	private Position position;

	@Size(max = 4000)
	private String reason;

	public Long getParticipant() {
		return this.participant;
	}

	public void setParticipant(Long participant) {
		this.participant = participant;
	}

	public Position getPosition() {
		return this.position;
	}

	public void setPosition(Position position) {
		this.position = position;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
