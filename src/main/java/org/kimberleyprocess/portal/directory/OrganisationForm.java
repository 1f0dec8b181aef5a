package org.kimberleyprocess.portal.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the administration form for an organisation binds. */
class OrganisationForm {

	@NotBlank
	@Pattern(regexp = "[a-z0-9-]{2,40}")
	private String code;

	@NotNull
	private OrganisationKind kind;

	@NotBlank
	@Size(max = 200)
	private String nameEn;

	@NotBlank
	@Size(max = 200)
	private String nameFr;

	private ParticipantStatus participantStatus;

	private ObserverCategory observerCategory;

	@Size(max = 1000)
	private String statusNote;

	@Size(max = 1000)
	private String statusNoteFr;

	@Size(max = 400)
	@Pattern(regexp = "[A-Za-z]{2}([\\s,;]+[A-Za-z]{2})*[\\s,;]*|\\s*")
	private String countries;

	private long version;

	static OrganisationForm of(Organisation organisation, String countries) {
		OrganisationForm form = new OrganisationForm();
		form.code = organisation.getCode();
		form.kind = organisation.getKind();
		form.nameEn = organisation.getName().en();
		form.nameFr = organisation.getName().fr();
		form.participantStatus = organisation.getParticipantStatus();
		form.observerCategory = organisation.getObserverCategory();
		form.statusNote = organisation.getStatusNote();
		form.statusNoteFr = organisation.getStatusNoteFr();
		form.countries = countries;
		form.version = organisation.getVersion();
		return form;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public OrganisationKind getKind() {
		return this.kind;
	}

	public void setKind(OrganisationKind kind) {
		this.kind = kind;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getNameFr() {
		return this.nameFr;
	}

	public void setNameFr(String nameFr) {
		this.nameFr = nameFr;
	}

	public ParticipantStatus getParticipantStatus() {
		return this.participantStatus;
	}

	public void setParticipantStatus(ParticipantStatus participantStatus) {
		this.participantStatus = participantStatus;
	}

	public ObserverCategory getObserverCategory() {
		return this.observerCategory;
	}

	public void setObserverCategory(ObserverCategory observerCategory) {
		this.observerCategory = observerCategory;
	}

	public String getStatusNoteFr() {
		return this.statusNoteFr;
	}

	public void setStatusNoteFr(String statusNoteFr) {
		this.statusNoteFr = statusNoteFr;
	}

	public String getStatusNote() {
		return this.statusNote;
	}

	public void setStatusNote(String statusNote) {
		this.statusNote = statusNote;
	}

	public String getCountries() {
		return this.countries;
	}

	public void setCountries(String countries) {
		this.countries = countries;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
