package org.kimberleyprocess.portal.consensus;

import java.util.Collection;
import java.util.Map;

/**
 * The counts of a round and its outcome. A single objection blocks; abstaining does not; an
 * eligible Participant that took no position is deemed to agree. Positions of Participants that
 * were not eligible when the round opened do not count.
 */
public record Tally(int joined, int abstained, int deemed, int objected) {

	public static Tally of(Collection<Long> eligible, Map<Long, Position> positions) {
		int joined = 0;
		int abstained = 0;
		int objected = 0;
		int deemed = 0;
		for (Long participant : eligible) {
			Position position = positions.get(participant);
			if (position == null) {
				deemed++;
			}
			else {
				switch (position) {
					case JOIN -> joined++;
					case ABSTAIN -> abstained++;
					case OBJECT -> objected++;
				}
			}
		}
		return new Tally(joined, abstained, deemed, objected);
	}

	public boolean adopted() {
		return this.objected == 0;
	}

	public int total() {
		return this.joined + this.abstained + this.deemed + this.objected;
	}

}
