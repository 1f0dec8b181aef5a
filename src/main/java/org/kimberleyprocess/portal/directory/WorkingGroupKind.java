package org.kimberleyprocess.portal.directory;

public enum WorkingGroupKind {

	WORKING_GROUP, COMMITTEE

}
