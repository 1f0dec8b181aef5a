package org.kimberleyprocess.portal.directory;

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

@Entity
@Table(name = "working_group_member")
public class WorkingGroupMembership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "working_group_id")
	private WorkingGroup workingGroup;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organisation_id")
	private Organisation organisation;

	@Enumerated(EnumType.STRING)
	private Standing standing;

	protected WorkingGroupMembership() {
	}

	WorkingGroupMembership(WorkingGroup workingGroup, Organisation organisation, Standing standing) {
		this.workingGroup = workingGroup;
		this.organisation = organisation;
		this.standing = standing;
	}

	public WorkingGroup getWorkingGroup() {
		return this.workingGroup;
	}

	public Organisation getOrganisation() {
		return this.organisation;
	}

	public Standing getStanding() {
		return this.standing;
	}

}
