package org.kimberleyprocess.portal.consensus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Localized;

/** A search for consensus on one exact version of a document. */
@Entity
@Table(name = "consensus_round")
public class ConsensusRound {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private int versionNumber;

	private String versionSha256;

	@Enumerated(EnumType.STRING)
	private RoundKind kind;

	@Enumerated(EnumType.STRING)
	private RoundStatus status;

	@Enumerated(EnumType.STRING)
	private RoundOutcome outcome;

	private String openedByName;

	private Instant openedAt;

	private Instant deadline;

	private String deadlineZone;

	private String closedByName;

	private Instant closedAt;

	@Version
	private long version;

	/** The Participants that were active when the round opened: they alone take positions. */
	@ElementCollection
	@CollectionTable(name = "round_eligible", joinColumns = @JoinColumn(name = "round_id"))
	@OrderBy("nameEn")
	private List<Eligible> eligible = new ArrayList<>();

	protected ConsensusRound() {
	}

	ConsensusRound(long documentId, int versionNumber, String versionSha256, RoundKind kind, Instant deadline,
			String deadlineZone, String openedByName, Instant now, List<Eligible> eligible) {
		this.documentId = documentId;
		this.versionNumber = versionNumber;
		this.versionSha256 = versionSha256;
		this.kind = kind;
		this.deadline = deadline;
		this.deadlineZone = deadlineZone;
		this.openedByName = openedByName;
		this.openedAt = now;
		this.status = RoundStatus.OPEN;
		this.eligible.addAll(eligible);
	}

	public boolean isOpen() {
		return this.status == RoundStatus.OPEN;
	}

	public boolean isEligible(long organisationId) {
		return this.eligible.stream().anyMatch((e) -> e.getOrganisationId() == organisationId);
	}

	/** Closes the open round with the outcome its positions gave; {@code byName} is null when its deadline closed it. */
	void close(RoundOutcome outcome, String byName, Instant now) {
		end(RoundStatus.CLOSED, byName, now);
		this.outcome = outcome;
	}

	/** Ends the open round without a decision. */
	void withdraw(String byName, Instant now) {
		end(RoundStatus.WITHDRAWN, byName, now);
	}

	private void end(RoundStatus status, String byName, Instant now) {
		if (!isOpen()) {
			throw new IllegalStateException("Round " + this.id + " is already " + this.status);
		}
		this.status = status;
		this.closedByName = byName;
		this.closedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	/** The round's version, raised by every change to it (its closing, its withdrawal). */
	long revision() {
		return this.version;
	}

	public long getDocumentId() {
		return this.documentId;
	}

	public int getVersionNumber() {
		return this.versionNumber;
	}

	public String getVersionSha256() {
		return this.versionSha256;
	}

	public RoundKind getKind() {
		return this.kind;
	}

	public RoundStatus getStatus() {
		return this.status;
	}

	public RoundOutcome getOutcome() {
		return this.outcome;
	}

	public String getOpenedByName() {
		return this.openedByName;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getDeadline() {
		return this.deadline;
	}

	public String getDeadlineZone() {
		return this.deadlineZone;
	}

	public String getClosedByName() {
		return this.closedByName;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public List<Eligible> getEligible() {
		return this.eligible;
	}

	/** A Participant eligible in the round, named as it was when the round opened. */
	@Embeddable
	public static class Eligible {

		@Column(name = "organisation_id")
		private long organisationId;

		@Column(name = "name_en")
		private String nameEn;

		@Column(name = "name_fr")
		private String nameFr;

		protected Eligible() {
		}

		Eligible(long organisationId, Localized name) {
			this.organisationId = organisationId;
			this.nameEn = name.en();
			this.nameFr = name.fr();
		}

		public long getOrganisationId() {
			return this.organisationId;
		}

		public String name(Locale locale) {
			return new Localized(this.nameEn, this.nameFr).in(locale);
		}

		public Localized getName() {
			return new Localized(this.nameEn, this.nameFr);
		}

	}

}
