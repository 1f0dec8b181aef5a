package org.kimberleyprocess.portal.consensus;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import org.kimberleyprocess.portal.documents.DocumentRecords;
import org.kimberleyprocess.portal.documents.DocumentVersion;
import org.kimberleyprocess.portal.documents.MarkdownRenderer;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * Rechecks every adoption record against the text it names, as the adoption page does for one:
 * the stored version's Markdown must still hash to the SHA-256 recorded when it was adopted, and
 * to the version's own. For operators, after a restore or whenever the data is in doubt.
 * Each version is read in a transaction of its own, so the texts are not all held at once.
 */
@Service
public class AdoptionVerification {

	private final AdoptionRepository adoptions;

	private final DocumentRecords records;

	AdoptionVerification(AdoptionRepository adoptions, DocumentRecords records) {
		this.adoptions = adoptions;
		this.records = records;
	}

	public Report verifyAll() {
		List<AdoptionRecord> all = this.adoptions.findAll(Sort.by("id"));
		List<Mismatch> mismatches = new ArrayList<>();
		for (AdoptionRecord record : all) {
			DocumentVersion version;
			try {
				version = this.records.storedVersion(record.getDocumentId(), record.getVersionNumber());
			}
			catch (NotFoundException ex) {
				mismatches.add(new Mismatch(record.getDocumentId(), record.getOfficialNumber(),
						record.getVersionNumber(), record.getVersionSha256(), null, null));
				continue;
			}
			String recomputed = MarkdownRenderer.sha256(version.getMarkdown());
			if (!recomputed.equals(record.getVersionSha256()) || !recomputed.equals(version.getSha256())) {
				mismatches.add(new Mismatch(record.getDocumentId(), record.getOfficialNumber(),
						record.getVersionNumber(), record.getVersionSha256(), version.getSha256(), recomputed));
			}
		}
		return new Report(all.size(), List.copyOf(mismatches));
	}

	/** How many records were checked, and those whose text no longer matches. */
	public record Report(int checked, List<Mismatch> mismatches) {

		public boolean intact() {
			return this.mismatches.isEmpty();
		}

	}

	/**
	 * A record whose text does not match: the hash recorded at adoption, the one stored with the
	 * version, and the one its Markdown has now (both null when the version is missing).
	 */
	public record Mismatch(long documentId, String officialNumber, int versionNumber, String recorded,
			String stored, String recomputed) {
	}

}
