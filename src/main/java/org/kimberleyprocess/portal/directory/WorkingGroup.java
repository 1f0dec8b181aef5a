package org.kimberleyprocess.portal.directory;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kimberleyprocess.portal.shared.Localized;

/** A working group or committee, chaired by a Participant. */
@Entity
@Table(name = "working_group")
public class WorkingGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@Enumerated(EnumType.STRING)
	private WorkingGroupKind kind;

	private String nameEn;

	private String nameFr;

	private String mandateEn;

	private String mandateFr;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "chair_organisation_id")
	private Organisation chairOrganisation;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "chair_account_id")
	private Account chairAccount;

	/** The chair's term, both days included; open-ended where not set. */
	private java.time.LocalDate chairFrom;

	private java.time.LocalDate chairUntil;

	@Version
	private long version;

	protected WorkingGroup() {
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public WorkingGroupKind getKind() {
		return this.kind;
	}

	public Localized getName() {
		return new Localized(this.nameEn, this.nameFr);
	}

	public String name(Locale locale) {
		return getName().in(locale);
	}

	public Localized getMandate() {
		return new Localized(this.mandateEn, this.mandateFr);
	}

	public Organisation getChairOrganisation() {
		return this.chairOrganisation;
	}

	public Account getChairAccount() {
		return this.chairAccount;
	}

	public java.time.LocalDate getChairFrom() {
		return this.chairFrom;
	}

	public java.time.LocalDate getChairUntil() {
		return this.chairUntil;
	}

	/** Whether the designated chair holds the chair's rights on the day. */
	public boolean chairInTerm(java.time.LocalDate day) {
		return this.chairAccount != null && (this.chairFrom == null || !day.isBefore(this.chairFrom))
				&& (this.chairUntil == null || !day.isAfter(this.chairUntil));
	}

	void designateChair(Account account, java.time.LocalDate from, java.time.LocalDate until) {
		this.chairAccount = account;
		this.chairOrganisation = account.getOrganisation();
		this.chairFrom = from;
		this.chairUntil = until;
	}

}
