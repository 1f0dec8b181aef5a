package org.kimberleyprocess.portal.documents;

import org.springframework.stereotype.Component;
import org.kimberleyprocess.portal.directory.Reader;

/**
 * Who may read, revise, comment on and manage a document: the one place these rules live. The
 * reading rule is a query condition ({@link #VISIBLE}), so every list, search and detail query
 * applies exactly the same rule; the other rules are checked in the service before acting.
 */
@Component
public class DocumentPolicy {

	private static final String PKG = "org.kimberleyprocess.portal.documents.";

	/**
	 * The documents a reader may open, as a JPQL condition on {@code d}. Editors and the Chair's
	 * office see everything they work on, drafts included; everyone else sees circulated and later
	 * documents by confidentiality: public to anyone, plenary to Participants, Observers and the
	 * secretariat, Participants-only to Participants, working-group documents to the group's
	 * members. Guests and applicants (not yet Participants) see only what is public or shared with
	 * their organisation. {@code :kind} is the reader's {@link Reader#audience()}; the Chair's office
	 * and the chaired groups are those the reader holds now, within their terms.
	 */
	static final String VISIBLE = "(:chair = true"
			+ " or d.workingGroupId in :chairedGroups"
			+ " or (:delegate = true and :org member of d.editorOrganisations)"
			+ " or (d.status <> " + PKG + "DocumentStatus.DRAFT and ("
			+ "      d.confidentiality = " + PKG + "Confidentiality.PUBLIC"
			+ "   or :org member of d.sharedWith"
			+ "   or (d.confidentiality = " + PKG + "Confidentiality.PLENARY and :kind in ('PARTICIPANT', 'OBSERVER', 'SECRETARIAT'))"
			+ "   or (d.confidentiality = " + PKG + "Confidentiality.PARTICIPANTS and :kind = 'PARTICIPANT')"
			+ "   or (d.confidentiality = " + PKG + "Confidentiality.WORKING_GROUP and :kind in ('PARTICIPANT', 'OBSERVER')"
			+ "       and d.workingGroupId in :groups))))";

	/** Revising the text: the owning body's chair and the named co-editing delegations. */
	public boolean canEdit(Reader reader, Document document) {
		if (!reader.isSignedIn()) {
			return false;
		}
		if (document.getOwningBody() == OwningBody.PARTICIPANT) {
			// A published annual report is read by anyone: a new version could carry "KP only" text
			// into public view, so its delegation first takes it back to Participants only.
			return document.getConfidentiality() != Confidentiality.PUBLIC && reader.delegationMember()
					&& document.getEditorOrganisations().contains(reader.organisationId());
		}
		if (document.getOwningBody() == OwningBody.WORKING_GROUP) {
			if (reader.chairedGroups().contains(document.getWorkingGroupId())) {
				return true;
			}
		}
		else if (reader.chairsOffice()) {
			return true;
		}
		return reader.delegationMember() && document.getEditorOrganisations().contains(reader.organisationId());
	}

	/**
	 * Chairing the owning body: the Chair's office for Plenary and Intersessional documents, the
	 * group's chair for a working group's. They open and close consensus rounds.
	 */
	public boolean chairsOwningBody(Reader reader, Document document) {
		if (!reader.isSignedIn() || document.getOwningBody() == OwningBody.PARTICIPANT) {
			return false;
		}
		return document.getOwningBody() == OwningBody.WORKING_GROUP
				? reader.chairedGroups().contains(document.getWorkingGroupId()) : reader.chairsOffice();
	}

	/** Starting a document for a body: the Chair's office for the Plenary, a group's chair for the group. */
	public boolean canCreate(Reader reader, OwningBody body, Long workingGroupId) {
		if (body == OwningBody.WORKING_GROUP) {
			return workingGroupId != null && reader.chairedGroups().contains(workingGroupId);
		}
		return body != OwningBody.PARTICIPANT && reader.chairsOffice();
	}

	/** Circulating, withdrawing, opening and closing comments: the editors. */
	public boolean canManage(Reader reader, Document document) {
		if (document.getOwningBody() == OwningBody.PARTICIPANT) {
			// A Participant's own text is circulated by submitting it, which its head or alternate does.
			return reader.actsForDelegation() && document.getEditorOrganisations().contains(reader.organisationId());
		}
		return canEdit(reader, document);
	}

	/** Sharing with guest organisations and hiding comments: the Chair's office. */
	public boolean canModerate(Reader reader) {
		return reader.isSignedIn() && reader.chairsOffice();
	}

	/**
	 * The members' discussion (comments and suggested changes) is for those signed in: signed out,
	 * a public document shows its text and versions only.
	 */
	public boolean seesDiscussion(Reader reader) {
		return reader.isSignedIn();
	}

	/** Anyone signed in who can read the document may comment while it is open for comments. */
	public boolean canComment(Reader reader, Document document) {
		return reader.isSignedIn() && document.acceptsComments();
	}

}
