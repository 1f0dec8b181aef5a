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

	public Viewer of(PortalUser user) {
		if (user == null) {
			return Viewer.anonymous();
		}
		return Viewer.of(user, this.directory.memberGroupIds(user.organisationId()),
				this.directory.chairedGroupIds(user.id()));
	}

}
