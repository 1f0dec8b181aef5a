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

import org.hibernate.annotations.Immutable;

import org.kimberleyprocess.portal.shared.Localized;

/** The exact, unchangeable record of an adoption: what was adopted, how, and by whom. */
@Entity
@Immutable
@Table(name = "adoption_record")
public class AdoptionRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long roundId;

	private long documentId;

	private String officialNumber;

	private String title;

	private int versionNumber;

	private String versionSha256;

	@Enumerated(EnumType.STRING)
	private RoundKind kind;

	private Instant openedAt;

	private Instant deadline;

	private Instant closedAt;

	private int joined;

	private int abstained;

	private int deemed;

	private int objected;

	@ElementCollection
	@CollectionTable(name = "adoption_entry", joinColumns = @JoinColumn(name = "record_id"))
	@OrderBy("positionOrder")
	private List<Entry> entries = new ArrayList<>();

	protected AdoptionRecord() {
	}

	AdoptionRecord(ConsensusRound round, String officialNumber, String title, Tally tally, List<Entry> entries) {
		this.roundId = round.getId();
		this.documentId = round.getDocumentId();
		this.officialNumber = officialNumber;
		this.title = title;
		this.versionNumber = round.getVersionNumber();
		this.versionSha256 = round.getVersionSha256();
		this.kind = round.getKind();
		this.openedAt = round.getOpenedAt();
		this.deadline = round.getDeadline();
		this.closedAt = round.getClosedAt();
		this.joined = tally.joined();
		this.abstained = tally.abstained();
		this.deemed = tally.deemed();
		this.objected = tally.objected();
		this.entries.addAll(entries);
	}

	public long getDocumentId() {
		return this.documentId;
	}

	public String getOfficialNumber() {
		return this.officialNumber;
	}

	public String getTitle() {
		return this.title;
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

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getDeadline() {
		return this.deadline;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public int getJoined() {
		return this.joined;
	}

	public int getAbstained() {
		return this.abstained;
	}

	public int getDeemed() {
		return this.deemed;
	}

	public int getObjected() {
		return this.objected;
	}

	public List<Entry> getEntries() {
		return this.entries;
	}

	/** One Participant's stance in the record; DEEMED when it was silent. */
	@Embeddable
	public static class Entry {

		@Column(name = "position_order")
		private int positionOrder;

		@Column(name = "participant_en")
		private String participantEn;

		@Column(name = "participant_fr")
		private String participantFr;

		@Column(name = "stance")
		private String stance;

		@Column(name = "recorded_by_name")
		private String recordedByName;

		@Column(name = "recorded_at")
		private Instant recordedAt;

		protected Entry() {
		}

		Entry(int positionOrder, Localized participant, String stance, String recordedByName, Instant recordedAt) {
			this.positionOrder = positionOrder;
			this.participantEn = participant.en();
			this.participantFr = participant.fr();
			this.stance = stance;
			this.recordedByName = recordedByName;
			this.recordedAt = recordedAt;
		}

		public String participant(Locale locale) {
			return new Localized(this.participantEn, this.participantFr).in(locale);
		}

		public String getStance() {
			return this.stance;
		}

		public String getRecordedByName() {
			return this.recordedByName;
		}

		public Instant getRecordedAt() {
			return this.recordedAt;
		}

	}

}
