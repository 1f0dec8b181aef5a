package org.kimberleyprocess.portal.documents;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.PortalUser;

/** Builds the {@link Viewer} the access rules need from the signed-in person (or nobody). */
@Component
public class Viewers {

	private final DirectoryQueries directory;

	Viewers(DirectoryQueries directory) {
		this.directory = directory;
	}

	/** Viewers for many people at once: three queries, whatever their number. */
	public java.util.List<Viewer> of(java.util.List<PortalUser> users) {
		java.util.Map<Long, java.util.Set<Long>> memberGroups = this.directory
			.memberGroupIds(users.stream().map(PortalUser::organisationId).collect(java.util.stream.Collectors.toSet()));
		java.util.Map<Long, java.util.Set<Long>> chairedGroups = this.directory
			.chairedGroupIds(users.stream().map(PortalUser::id).toList());
		return users.stream()
			.map((user) -> Viewer.of(user, memberGroups.get(user.organisationId()), chairedGroups.get(user.id())))
			.toList();
	}

	public Viewer of(PortalUser user) {
		if (user == null) {
			return Viewer.anonymous();
		}
		return Viewer.of(user, this.directory.memberGroupIds(user.organisationId()),
				this.directory.chairedGroupIds(user.id()));
	}

}
