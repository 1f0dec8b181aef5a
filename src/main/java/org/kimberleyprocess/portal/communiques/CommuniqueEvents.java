package org.kimberleyprocess.portal.communiques;

/** What publishing announces, for notifications. */
public final class CommuniqueEvents {

	private CommuniqueEvents() {
	}

	/** A communiqué (revision 1) or a corrigendum (a later revision) was published at its address. */
	public record Published(String path, String title, int revision) {
	}

}
