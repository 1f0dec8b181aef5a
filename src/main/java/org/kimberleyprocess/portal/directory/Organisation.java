package org.kimberleyprocess.portal.directory;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Localized;

@Entity
@Table(name = "organisation")
public class Organisation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String code;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private OrganisationKind kind;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(name = "name_fr", nullable = false)
	private String nameFr;

	@Enumerated(EnumType.STRING)
	private ParticipantStatus participantStatus;

	@Enumerated(EnumType.STRING)
	private ObserverCategory observerCategory;

	private String statusNote;

	private String statusNoteFr;

	@Version
	private long version;

	protected Organisation() {
	}

	Organisation(String code, OrganisationKind kind, Localized name, ParticipantStatus status,
			ObserverCategory category, Localized statusNote) {
		this.code = code;
		this.kind = kind;
		rename(name);
		describe(status, category, statusNote);
	}

	void rename(Localized name) {
		this.nameEn = name.en();
		this.nameFr = name.fr();
	}

	/** Status applies to Participants only, category to Observers only. */
	void describe(ParticipantStatus status, ObserverCategory category, Localized statusNote) {
		if ((this.kind == OrganisationKind.PARTICIPANT) != (status != null)) {
			throw new IllegalArgumentException("A status is for Participants, and every Participant has one");
		}
		if ((this.kind == OrganisationKind.OBSERVER) != (category != null)) {
			throw new IllegalArgumentException("A category is for Observers, and every Observer has one");
		}
		this.participantStatus = status;
		this.observerCategory = category;
		Localized note = Localized.of(statusNote.en(), statusNote.fr());
		this.statusNote = (note.en() == null || note.en().isEmpty()) ? null : note.en();
		this.statusNoteFr = (this.statusNote == null) ? null : note.fr();
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public OrganisationKind getKind() {
		return this.kind;
	}

	public Localized getName() {
		return new Localized(this.nameEn, this.nameFr);
	}

	public String name(Locale locale) {
		return getName().in(locale);
	}

	public ParticipantStatus getParticipantStatus() {
		return this.participantStatus;
	}

	public ObserverCategory getObserverCategory() {
		return this.observerCategory;
	}

	/** The note in both languages, or {@code null} where there is none. */
	public Localized getStatusNotes() {
		return (this.statusNote == null) ? null : new Localized(this.statusNote, this.statusNoteFr);
	}

	public String getStatusNoteFr() {
		return this.statusNoteFr;
	}

	public String getStatusNote() {
		return this.statusNote;
	}

	public long getVersion() {
		return this.version;
	}

	public boolean isParticipant() {
		return this.kind == OrganisationKind.PARTICIPANT;
	}

}
