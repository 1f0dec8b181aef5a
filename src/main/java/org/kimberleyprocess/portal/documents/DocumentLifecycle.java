package org.kimberleyprocess.portal.documents;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.DirectoryQueries;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.InvalidInputException;

/**
 * What a document's editors and the Chair's office do to a document as a whole: circulate it,
 * withdraw it, close or reopen its comments, share it with guest organisations.
 */
@Service
@Transactional(readOnly = true)
public class DocumentLifecycle {

	private final DocumentReading reading;

	private final DocumentPolicy policy;

	private final DirectoryQueries directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DocumentLifecycle(DocumentReading reading, DocumentPolicy policy, DirectoryQueries directory, Clock clock, ApplicationEventPublisher events) {
		this.reading = reading;
		this.policy = policy;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public void circulate(Reader reader, long id) {
		Document document = managed(reader, id);
		if (document.getStatus() != DocumentStatus.DRAFT) {
			throw new InvalidInputException(null, "document.circulate.notDraft");
		}
		document.circulate(this.clock.instant());
		this.events.publishEvent(new DocumentEvents.Circulated(id, document.getTitle()));
	}

	@Transactional
	public void withdraw(Reader reader, long id) {
		Document document = managed(reader, id);
		try {
			document.withdraw(this.clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException(null, "document.withdraw.refused");
		}
	}

	@Transactional
	public void closeComments(Reader reader, long id, boolean closed) {
		managed(reader, id).closeComments(closed, this.clock.instant());
	}

	@Transactional
	public void share(Reader reader, long id, long organisationId, boolean shared) {
		Document document = this.reading.visible(reader, id);
		if (!this.policy.canModerate(reader)) {
			throw new AccessDeniedException("Sharing is for the Chair's office");
		}
		boolean guest = this.directory.organisations()
			.stream()
			.anyMatch((ref) -> ref.id() == organisationId && ref.kind() == OrganisationKind.GUEST);
		if (!guest) {
			throw new InvalidInputException(null, "document.share.guestsOnly");
		}
		if (shared) {
			document.shareWith(organisationId);
		}
		else {
			document.unshare(organisationId);
		}
	}

	private Document managed(Reader reader, long id) {
		Document document = this.reading.visible(reader, id);
		if (!this.policy.canManage(reader, document)) {
			throw new AccessDeniedException("Managing a document is for its editors");
		}
		return document;
	}

}
