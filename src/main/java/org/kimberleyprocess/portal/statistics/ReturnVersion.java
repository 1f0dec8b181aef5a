package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * One submission of a return, never changed afterwards: who submitted it, when, by form or CSV,
 * and its figures. The audit listener records each one as it is created.
 */
@Entity
@Table(name = "statistics_return_version")
class ReturnVersion {

	enum Source {

		FORM, CSV

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "return_id", nullable = false)
	private Long returnId;

	@Column(nullable = false)
	private Integer number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "submitted_by", nullable = false)
	private Long submittedBy;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@ElementCollection
	@CollectionTable(name = "statistics_line", joinColumns = @JoinColumn(name = "version_id"))
	private List<Line> lines = new ArrayList<>();

	protected ReturnVersion() {
	}

	ReturnVersion(long returnId, int number, Source source, long submittedBy, Instant submittedAt, List<Line> lines) {
		this.returnId = returnId;
		this.number = number;
		this.source = source;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
		this.lines = new ArrayList<>(lines);
	}

	/** A figure of the version, as stored. */
	@Embeddable
	static class Line {

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		private Flow flow;

		@Column(name = "partner_id")
		private Long partnerId;

		@Column(name = "partner_entity")
		private String partnerEntity;

		@Column(nullable = false)
		private BigDecimal carats;

		@Column(name = "value_usd", nullable = false)
		private BigDecimal valueUsd;

		private Integer certificates;

		@Column(name = "unusual_confirmed", nullable = false)
		private boolean unusualConfirmed;

		protected Line() {
		}

		Line(Flow flow, Long partnerId, String partnerEntity, BigDecimal carats, BigDecimal valueUsd,
				Integer certificates, boolean unusualConfirmed) {
			this.flow = flow;
			this.partnerId = partnerId;
			this.partnerEntity = partnerEntity;
			this.carats = carats;
			this.valueUsd = valueUsd;
			this.certificates = certificates;
			this.unusualConfirmed = unusualConfirmed;
		}

		/** As the audit trail shows it: "EXPORT partner 42 1250.00 ct US$ 350000.00 12 certificates". */
		@Override
		public String toString() {
			String partner = this.partnerId != null ? "partner " + this.partnerId
					: this.partnerEntity != null ? this.partnerEntity : "";
			return (this.flow + " " + partner + " " + this.carats + " ct US$ " + this.valueUsd
					+ (this.certificates == null ? "" : " " + this.certificates + " certificates")
					+ (this.unusualConfirmed ? " (confirmed)" : "")).replace("  ", " ");
		}

	}

}
