package org.kimberleyprocess.portal.directory;

public enum ObserverCategory {

	INDUSTRY, CIVIL_SOCIETY, INTERGOVERNMENTAL

}
