package org.kimberleyprocess.portal.communiques;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Language;

/**
 * A published communiqué: the adopted text of a meeting's outcome at a stable public address,
 * with the meeting it reports on and the adoption it rests on. Corrections add revisions.
 */
@Entity
@Table(name = "communique")
public class Communique {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private String slug;

	private int year;

	private long meetingId;

	private String meetingKind;

	private String meetingTitle;

	private String meetingTitleFr;

	private String place;

	private String placeFr;

	private LocalDate startDate;

	private LocalDate endDate;

	private String officialNumber;

	/** The language of the adopted text, as its document records it. */
	@Enumerated(EnumType.STRING)
	private Language language;

	private Instant adoptedAt;

	private String adoptedSha256;

	private Instant publishedAt;

	private Instant updatedAt;

	private int currentRevision;

	@Version
	private long version;

	protected Communique() {
	}

	Communique(long documentId, Language language, String slug, Meeting meeting, String officialNumber,
			Instant adoptedAt, String adoptedSha256, Instant now) {
		this.documentId = documentId;
		this.language = language;
		this.slug = slug;
		this.year = meeting.startDate().getYear();
		this.meetingId = meeting.id();
		this.meetingKind = meeting.kind();
		this.meetingTitle = meeting.title().en();
		this.meetingTitleFr = meeting.title().fr();
		this.place = meeting.place().en();
		this.placeFr = meeting.place().fr();
		this.startDate = meeting.startDate();
		this.endDate = meeting.endDate();
		this.officialNumber = officialNumber;
		this.adoptedAt = adoptedAt;
		this.adoptedSha256 = adoptedSha256;
		this.publishedAt = now;
		this.updatedAt = now;
		this.currentRevision = 1;
	}

	/** The meeting as the communiqué records it, copied when it is published. */
	record Meeting(long id, String kind, org.kimberleyprocess.portal.shared.Localized title,
			org.kimberleyprocess.portal.shared.Localized place, LocalDate startDate, LocalDate endDate) {
	}

	/** Counts a corrigendum published on the current revision. */
	int correct(Instant now) {
		this.currentRevision++;
		this.updatedAt = now;
		return this.currentRevision;
	}

	/** The public address of the communiqué's current revision. */
	public String path() {
		return "/communiques/" + this.slug;
	}

	public Long getId() {
		return this.id;
	}

	public long getDocumentId() {
		return this.documentId;
	}

	public String getSlug() {
		return this.slug;
	}

	public int getYear() {
		return this.year;
	}

	public long getMeetingId() {
		return this.meetingId;
	}

	public String getMeetingKind() {
		return this.meetingKind;
	}

	public String getMeetingTitle() {
		return this.meetingTitle;
	}

	/** The meeting's title in both languages, as it was when the communiqué was published. */
	public org.kimberleyprocess.portal.shared.Localized getMeetingTitles() {
		return new org.kimberleyprocess.portal.shared.Localized(this.meetingTitle, this.meetingTitleFr);
	}

	public org.kimberleyprocess.portal.shared.Localized getPlaces() {
		return new org.kimberleyprocess.portal.shared.Localized(this.place, this.placeFr);
	}

	public String getPlace() {
		return this.place;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public Language getLanguage() {
		return this.language;
	}

	public String getOfficialNumber() {
		return this.officialNumber;
	}

	public Instant getAdoptedAt() {
		return this.adoptedAt;
	}

	public String getAdoptedSha256() {
		return this.adoptedSha256;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getCurrentRevision() {
		return this.currentRevision;
	}

	public long getVersion() {
		return this.version;
	}

}
