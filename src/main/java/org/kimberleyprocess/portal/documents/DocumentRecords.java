package org.kimberleyprocess.portal.documents;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;

/**
 * What the modules that drive a document's life after drafting (consensus, publication, review
 * visits) ask of it: freezing a version, recording the outcome with the official number,
 * widening who may read it, bringing decisions into effect.
 */
@Service
@Transactional(readOnly = true)
public class DocumentRecords {

	private final DocumentRepository documents;

	private final DocumentVersionRepository versions;

	private final DocumentReading reading;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DocumentRecords(DocumentRepository documents, DocumentVersionRepository versions, DocumentReading reading, JdbcTemplate jdbc, Clock clock) {
		this.documents = documents;
		this.versions = versions;
		this.reading = reading;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Gives an adopted document its official number, the next for its body, year and type. The
	 * counter row is incremented in the caller's transaction, so a rolled-back adoption leaves no
	 * gap and two adoptions never share a number.
	 */
	@Transactional
	public String assignOfficialNumber(long id, String bodyLabel) {
		Document document = this.documents.findById(id).orElseThrow(NotFoundException::new);
		if (document.getOfficialNumber() != null) {
			return document.getOfficialNumber();
		}
		this.jdbc.update("""
				INSERT INTO document_number_sequence (body_label, year, type, last_number) VALUES (?, ?, ?, LAST_INSERT_ID(1))
				ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)""", bodyLabel,
				document.getYear(), document.getType().name());
		Integer number = this.jdbc.queryForObject("SELECT LAST_INSERT_ID()", Integer.class);
		String official = "KP/" + document.getYear() + "/" + bodyLabel + "/" + document.getType().officialName() + " "
				+ number;
		document.number(official);
		this.documents.flush();
		return official;
	}

	/** Freezes the current version for a consensus round; its text can no longer be revised. */
	@Transactional
	public DocumentVersion freezeForConsensus(long id, int versionNumber) {
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		try {
			document.freeze(versionNumber, this.clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "consensus.open.notCirculated");
		}
		return this.reading.version(document, versionNumber);
	}

	/** Records the outcome of the round: adopted (with its official number), not adopted, or released. */
	@Transactional
	public String settleConsensus(long id, DocumentStatus outcome) {
		Document document = this.documents.findForUpdate(id).orElseThrow(NotFoundException::new);
		document.settle(outcome, this.clock.instant());
		if (outcome == DocumentStatus.ADOPTED) {
			return assignOfficialNumber(id, bodyLabel(document));
		}
		return null;
	}

	/** Lets an organisation read a document beyond its confidentiality, e.g. the host of a review visit. */
	@Transactional
	public void grantReading(long id, long organisationId) {
		this.documents.findById(id).orElseThrow(NotFoundException::new).shareWith(organisationId);
	}

	/** Makes the document public, as when a review report is published with its host's consent. */
	@Transactional
	public void makePublic(long id) {
		this.documents.findById(id).orElseThrow(NotFoundException::new).changeConfidentiality(Confidentiality.PUBLIC);
	}

	/** Back to Participants only, as when a published annual report is marked "KP only" again. */
	@Transactional
	public void restrictToParticipants(long id) {
		this.documents.findById(id)
			.orElseThrow(NotFoundException::new)
			.changeConfidentiality(Confidentiality.PARTICIPANTS);
	}

	/**
	 * Brings into effect the adopted Administrative Decisions among the given documents, with the
	 * communiqué published for their meeting. Other documents, and decisions already in effect,
	 * are left as they are.
	 */
	@Transactional
	public List<Long> bringIntoEffect(java.util.Collection<Long> ids, java.time.LocalDate since, String communiquePath,
			String communiqueTitle) {
		return this.documents.findAllById(ids)
			.stream()
			.filter((document) -> document.takeEffect(since, communiquePath, communiqueTitle))
			.map(Document::getId)
			.toList();
	}

	/** Titles of documents, for messages sent to people already known to be concerned. */
	public Map<Long, String> titles(java.util.Collection<Long> ids) {
		return this.documents.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Document::getId, Document::getTitle));
	}

	/** The status of a document, or null when there is no such document. */
	public DocumentStatus statusOf(long id) {
		return this.documents.findById(id).map(Document::getStatus).orElse(null);
	}

	/** A version as stored, for records that must be checked against the text. */
	public DocumentVersion storedVersion(long id, int number) {
		return this.versions.findByNumber(id, number).orElseThrow(NotFoundException::new);
	}

	private String workingGroupName(Document document) {
		return this.reading.workingGroupCode(document);
	}

	private String bodyLabel(Document document) {
		return switch (document.getOwningBody()) {
			case PLENARY -> "Plenary";
			case PARTICIPANT -> "Participant";
			case INTERSESSIONAL -> "Intersessional";
			case WORKING_GROUP -> java.util.Objects.requireNonNullElse(workingGroupName(document), "WG")
				.toUpperCase(Locale.ROOT);
		};
	}

}
