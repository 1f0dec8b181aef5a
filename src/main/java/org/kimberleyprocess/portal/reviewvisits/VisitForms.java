package org.kimberleyprocess.portal.reviewvisits;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What the review-visit forms bind. */
public final class VisitForms {

	private VisitForms() {
	}

	public static class Offer {

		@NotNull
		@Min(2000)
		@Max(2100)
		private Integer preferredYear;

		@NotBlank
		@Size(max = 100)
		private String preferredPeriod;

		@NotBlank
		@Size(max = 4000)
		private String scope;

		@NotBlank
		@Size(max = 200)
		private String contactPerson;

		@Size(max = 4000)
		private String remarks;

		public Integer getPreferredYear() {
			return this.preferredYear;
		}

		public void setPreferredYear(Integer preferredYear) {
			this.preferredYear = preferredYear;
		}

		public String getPreferredPeriod() {
			return this.preferredPeriod;
		}

		public void setPreferredPeriod(String preferredPeriod) {
			this.preferredPeriod = preferredPeriod;
		}

		public String getScope() {
			return this.scope;
		}

		public void setScope(String scope) {
			this.scope = scope;
		}

		public String getContactPerson() {
			return this.contactPerson;
		}

		public void setContactPerson(String contactPerson) {
			this.contactPerson = contactPerson;
		}

		public String getRemarks() {
			return this.remarks;
		}

		public void setRemarks(String remarks) {
			this.remarks = remarks;
		}

	}

	public static class Team {

		private Set<Long> members = new HashSet<>();

		private Long leader;

		public Set<Long> getMembers() {
			return this.members;
		}

		public void setMembers(Set<Long> members) {
			this.members = (members == null) ? new HashSet<>() : members;
		}

		public Long getLeader() {
			return this.leader;
		}

		public void setLeader(Long leader) {
			this.leader = leader;
		}

	}

	public static class Dates {

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate start;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate end;

		public LocalDate getStart() {
			return this.start;
		}

		public void setStart(LocalDate start) {
			this.start = start;
		}

		public LocalDate getEnd() {
			return this.end;
		}

		public void setEnd(LocalDate end) {
			this.end = end;
		}

	}

	public static class Reason {

		@NotBlank
		@Size(max = 4000)
		private String reason;

		/** The reason in French, for French pages; the English one is shown where it is not given. */
		@Size(max = 4000)
		private String reasonFr;

		public String getReasonFr() {
			return this.reasonFr;
		}

		public void setReasonFr(String reasonFr) {
			this.reasonFr = reasonFr;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

}
