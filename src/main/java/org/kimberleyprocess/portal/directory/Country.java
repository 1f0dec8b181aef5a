package org.kimberleyprocess.portal.directory;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.kimberleyprocess.portal.shared.Localized;

/** A country, represented in the Kimberley Process by at most one Participant. */
@Entity
@Table(name = "country")
public class Country {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameEn;

	private String nameFr;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organisation_id")
	private Organisation organisation;

	protected Country() {
	}

	void representedBy(Organisation participant) {
		this.organisation = participant;
	}

	public String getCode() {
		return this.code;
	}

	public Localized getName() {
		return new Localized(this.nameEn, this.nameFr);
	}

	public String name(Locale locale) {
		return getName().in(locale);
	}

	Organisation getOrganisation() {
		return this.organisation;
	}

}
