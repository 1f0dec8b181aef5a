package org.kimberleyprocess.portal.consensus;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** Opening a round: its kind and, for a written procedure, the deadline in a chosen time zone. */
public class RoundForm {

	@NotNull
	private RoundKind kind;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime deadline;

	@Size(max = 60)
	private String zone = "UTC";

	public RoundKind getKind() {
		return this.kind;
	}

	public void setKind(RoundKind kind) {
		this.kind = kind;
	}

	public LocalDateTime getDeadline() {
		return this.deadline;
	}

	public void setDeadline(LocalDateTime deadline) {
		this.deadline = deadline;
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = zone;
	}

}
