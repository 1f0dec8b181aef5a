package org.kimberleyprocess.portal.reviewvisits;

import java.util.ArrayList;
import java.util.List;

/**
 * The composition rules of a review team. Each broken rule is named by a message key, so the page
 * can say plainly which one a proposed team breaks.
 */
final class TeamRules {

	private TeamRules() {
	}

	static List<String> broken(long hostOrganisationId, List<Volunteer> team) {
		List<String> broken = new ArrayList<>();
		long leaders = team.stream().filter(Volunteer::isLeader).count();
		if (leaders != 1) {
			broken.add("visit.team.oneLeader");
		}
		else if (team.stream().filter(Volunteer::isLeader).anyMatch((v) -> v.getAffiliation() != Affiliation.PARTICIPANT)) {
			broken.add("visit.team.leaderFromParticipant");
		}
		long participants = team.stream()
			.filter((v) -> v.getAffiliation() == Affiliation.PARTICIPANT && v.getOrganisationId() != hostOrganisationId)
			.map(Volunteer::getOrganisationId)
			.distinct()
			.count();
		if (participants < 2) {
			broken.add("visit.team.twoParticipants");
		}
		if (team.stream().noneMatch((v) -> v.getAffiliation() == Affiliation.INDUSTRY)) {
			broken.add("visit.team.industry");
		}
		if (team.stream().noneMatch((v) -> v.getAffiliation() == Affiliation.CIVIL_SOCIETY)) {
			broken.add("visit.team.civilSociety");
		}
		if (team.stream().anyMatch((v) -> v.getOrganisationId() == hostOrganisationId)) {
			broken.add("visit.team.noHost");
		}
		return broken;
	}

}
