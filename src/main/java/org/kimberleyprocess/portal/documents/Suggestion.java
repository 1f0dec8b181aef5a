package org.kimberleyprocess.portal.documents;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Localized;

/** Replacement text proposed for one block, which the editors accept or decline. */
@Entity
@Table(name = "document_suggestion")
public class Suggestion {

	public enum Status {

		OPEN, ACCEPTED, DECLINED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private int versionNumber;

	private String blockAnchor;

	private String original;

	private String proposed;

	private String explanation;

	private long proposerId;

	private String proposerName;

	private String organisationEn;

	private String organisationFr;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String decidedByName;

	private Instant decidedAt;

	private String decisionReason;

	private Integer resultingVersion;

	private Instant createdAt;

	@Version
	private long version;

	protected Suggestion() {
	}

	Suggestion(long documentId, int versionNumber, String blockAnchor, String original, String proposed,
			String explanation, Author proposer, Instant now) {
		this.documentId = documentId;
		this.versionNumber = versionNumber;
		this.blockAnchor = blockAnchor;
		this.original = original;
		this.proposed = proposed;
		this.explanation = explanation;
		this.proposerId = proposer.accountId();
		this.proposerName = proposer.name();
		this.organisationEn = proposer.organisation().en();
		this.organisationFr = proposer.organisation().fr();
		this.status = Status.OPEN;
		this.createdAt = now;
	}

	void accept(String byName, int resultingVersion, Instant now) {
		requireOpen();
		this.status = Status.ACCEPTED;
		this.decidedByName = byName;
		this.resultingVersion = resultingVersion;
		this.decidedAt = now;
	}

	void decline(String byName, String reason, Instant now) {
		requireOpen();
		this.status = Status.DECLINED;
		this.decidedByName = byName;
		this.decisionReason = reason;
		this.decidedAt = now;
	}

	private void requireOpen() {
		if (this.status != Status.OPEN) {
			throw new IllegalStateException("The suggestion was already decided");
		}
	}

	public long getProposerId() {
		return this.proposerId;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersionNumber() {
		return this.versionNumber;
	}

	public String getBlockAnchor() {
		return this.blockAnchor;
	}

	public String getOriginal() {
		return this.original;
	}

	public String getProposed() {
		return this.proposed;
	}

	public String getExplanation() {
		return this.explanation;
	}

	public String getProposerName() {
		return this.proposerName;
	}

	public String organisationName(Locale locale) {
		return new Localized(this.organisationEn, this.organisationFr).in(locale);
	}

	public Status getStatus() {
		return this.status;
	}

	public String getDecidedByName() {
		return this.decidedByName;
	}

	public String getDecisionReason() {
		return this.decisionReason;
	}

	public Integer getResultingVersion() {
		return this.resultingVersion;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

}
