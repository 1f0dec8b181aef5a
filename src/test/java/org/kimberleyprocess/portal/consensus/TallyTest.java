package org.kimberleyprocess.portal.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome rules, over every combination of joins, abstentions, objections and silence. */
class TallyTest {

	@Test
	void anyObjectionBlocksAndNothingElseDoes() {
		List<Long> eligible = List.of(1L, 2L, 3L, 4L, 5L);
		// Each of the five Participants joins, abstains, objects or stays silent: 4^5 cases.
		int cases = 0;
		for (int code = 0; code < 1024; code++) {
			Map<Long, Position> positions = new HashMap<>();
			int joined = 0;
			int abstained = 0;
			int objected = 0;
			int silent = 0;
			int rest = code;
			for (long participant : eligible) {
				switch (rest % 4) {
					case 0 -> silent++;
					case 1 -> {
						positions.put(participant, Position.JOIN);
						joined++;
					}
					case 2 -> {
						positions.put(participant, Position.ABSTAIN);
						abstained++;
					}
					default -> {
						positions.put(participant, Position.OBJECT);
						objected++;
					}
				}
				rest /= 4;
			}
			Tally tally = Tally.of(eligible, positions);
			assertThat(tally).isEqualTo(new Tally(joined, abstained, silent, objected));
			assertThat(tally.adopted()).isEqualTo(objected == 0);
			assertThat(tally.total()).isEqualTo(5);
			cases++;
		}
		assertThat(cases).isEqualTo(1024);
	}

	@Test
	void positionsOfParticipantsThatWereNotEligibleDoNotCount() {
		Map<Long, Position> positions = new HashMap<>();
		positions.put(9L, Position.OBJECT);
		positions.put(1L, Position.JOIN);
		Tally tally = Tally.of(new ArrayList<>(List.of(1L, 2L)), positions);
		assertThat(tally).isEqualTo(new Tally(1, 0, 1, 0));
		assertThat(tally.adopted()).isTrue();
	}

	@Test
	void aRoundWithNobodyEligibleHasNothingToBlockIt() {
		assertThat(Tally.of(List.of(), Map.of()).adopted()).isTrue();
	}

}
