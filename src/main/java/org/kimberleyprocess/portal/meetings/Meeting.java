package org.kimberleyprocess.portal.meetings;

import org.kimberleyprocess.portal.shared.Localized;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "meeting")
public class Meeting {

	public enum Kind {

		PLENARY, INTERSESSIONAL, WORKING_GROUP

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String title;

	private String titleFr;

	private Long hostOrganisationId;

	private Long workingGroupId;

	private String place;

	private String placeFr;

	private LocalDate startDate;

	private LocalDate endDate;

	/** The public address and title of the communiqué that reports the meeting's outcome. */
	private String communiquePath;

	private String communiqueTitle;

	@Version
	private long version;

	protected Meeting() {
	}

	Meeting(Kind kind, Localized title, Long hostOrganisationId, Long workingGroupId, Localized place,
			LocalDate startDate, LocalDate endDate) {
		if ((kind == Kind.WORKING_GROUP) != (workingGroupId != null)) {
			throw new IllegalArgumentException("A working group's meeting names its group, and only it");
		}
		this.workingGroupId = workingGroupId;
		if (endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("A meeting ends after it starts");
		}
		this.kind = kind;
		this.title = title.en();
		this.titleFr = title.fr();
		this.hostOrganisationId = hostOrganisationId;
		this.place = place.en();
		this.placeFr = place.fr();
		this.startDate = startDate;
		this.endDate = endDate;
	}

	void reportedBy(String path, String title) {
		this.communiquePath = path;
		this.communiqueTitle = title;
	}

	public String getCommuniquePath() {
		return this.communiquePath;
	}

	public String getCommuniqueTitle() {
		return this.communiqueTitle;
	}

	public Long getId() {
		return this.id;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getTitle() {
		return this.title;
	}

	public Long getHostOrganisationId() {
		return this.hostOrganisationId;
	}

	public Long getWorkingGroupId() {
		return this.workingGroupId;
	}

	/** The title in both languages: pages show it with {@code title.in(locale)}. */
	public Localized getTitles() {
		return new Localized(this.title, this.titleFr);
	}

	public Localized getPlaces() {
		return new Localized(this.place, this.placeFr);
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

}
