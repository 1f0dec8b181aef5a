package org.kimberleyprocess.portal.documents;

import java.time.Instant;

/** A version as the version list shows it, without its text. */
public record VersionSummary(int number, String title, String changeNote, String authorName, String creditedName,
		Instant createdAt, String sha256) {

	/** Notes the portal writes itself are message keys, shown in the reader's language. */
	public String noteKey() {
		if (this.changeNote.startsWith("suggestion:")) {
			return "document.version.suggestion";
		}
		return this.changeNote.startsWith("document.version.") ? this.changeNote : null;
	}

}
