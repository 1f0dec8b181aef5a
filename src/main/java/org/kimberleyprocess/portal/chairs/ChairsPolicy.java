package org.kimberleyprocess.portal.chairs;

import org.springframework.stereotype.Component;

import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Role;

/**
 * Who may see and act on the chair rotation and the Vice-Chair candidacies: the one place these
 * rules live. The rotation is public. Candidacies are the scheme's own business: Participants
 * (suspended ones included), Observers, the secretariat and the Chair's office see them; guests
 * and applicants do not. A head of delegation of an active Participant submits one; the
 * delegation chairing the Committee on Participation and Chairmanship assesses; the Chair's
 * office (in its term) puts an eligible one to the Plenary and keeps future years of the rotation.
 */
@Component("chairsPolicy")
public class ChairsPolicy {

	public boolean seesCandidacies(Reader reader) {
		return reader.isParticipant() || reader.isObserver() || reader.chairsOffice()
				|| reader.organisationKind() == OrganisationKind.SECRETARIAT;
	}

	boolean maySubmitCandidacy(Reader reader) {
		return reader.has(Role.HEAD_OF_DELEGATION) && reader.isParticipant();
	}

	boolean assessesCandidacies(Reader reader, Long committeeChairOrganisation) {
		return committeeChairOrganisation != null && committeeChairOrganisation == reader.organisationId()
				&& reader.actsForDelegation();
	}

	boolean preparesSelection(Reader reader) {
		return reader.chairsOffice();
	}

}
