package org.kimberleyprocess.portal.directory;

/** Where an account stands: its holder has yet to accept the invitation, may sign in, or may not. */
public enum AccountState {

	INVITED, ACTIVE, SUSPENDED

}
