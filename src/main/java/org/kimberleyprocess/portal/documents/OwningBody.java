package org.kimberleyprocess.portal.documents;

public enum OwningBody {

	PLENARY, INTERSESSIONAL, WORKING_GROUP

}
