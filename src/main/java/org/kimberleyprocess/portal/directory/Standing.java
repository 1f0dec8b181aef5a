package org.kimberleyprocess.portal.directory;

/** How an organisation belongs to a working group or committee. */
public enum Standing {

	MEMBER, PROVISIONAL_MEMBER, OBSERVER

}
