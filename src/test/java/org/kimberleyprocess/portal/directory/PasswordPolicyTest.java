package org.kimberleyprocess.portal.directory;

import org.junit.jupiter.api.Test;

import org.kimberleyprocess.portal.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void lengthIsCountedInCodePointsFromTwelveToOneHundredAndTwentyEight() {
		assertThat(this.policy.allows("a".repeat(11), "someone")).isFalse();
		assertThat(this.policy.allows("amethyst-tea", "someone")).isTrue();
		assertThat(this.policy.allows("é".repeat(128), "someone")).isTrue();
		assertThat(this.policy.allows("é".repeat(129), "someone")).isFalse();
		String diamond = "\uD83D\uDC8E";
		assertThat(this.policy.allows(diamond.repeat(11), "someone")).as("22 UTF-16 units, 11 characters").isFalse();
		assertThat(this.policy.allows(diamond.repeat(128), "someone")).as("256 UTF-16 units, 128 characters").isTrue();
	}

	@Test
	void noCompositionRule() {
		assertThat(this.policy.allows("correct horse battery staple", "someone")).isTrue();
		assertThat(this.policy.allows("baobabsunriseriver", "someone")).isTrue();
		assertThat(this.policy.allows("            x", "someone")).isTrue();
	}

	@Test
	void theBreachedListIsReadWithoutRegardToCase() {
		for (String common : new String[] { "passwordpassword", "PasswordPassword", "Password1234", "PASSWORD1234",
				"123456789012", "1qaz2wsx3edc", "1QAZ2WSX3EDC" }) {
			assertThat(this.policy.allows(common, "someone")).as(common).isFalse();
		}
		assertThat(this.policy.allows("1111111111111", "someone")).as("near the end of the 100,000").isFalse();
	}

	@Test
	void wordsAboutThePortalAndTheUsernameWithFillerAreRefused() {
		for (String guess : new String[] { "Kimberley-Process-2016", "KPCS-Plenary-2024!", "Rough-Diamonds-2016",
				"Delegate-BW-2016-2017", "delegate-bw-password" }) {
			assertThat(this.policy.allows(guess, "delegate-bw")).as(guess).isFalse();
		}
		assertThat(this.policy.allows("Kimberley trip with my sister", "delegate-bw")).isTrue();
		assertThat(this.policy.allows("1234567890123456", "delegate-bw")).as("no context word: the list decides").isTrue();
		assertThatThrownBy(() -> this.policy.check("newPassword", "Kimberley-Process-2016", "someone"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("password.rule.context"));
	}

	@Test
	void theUsernameIsRefusedInAnyCase() {
		assertThat(this.policy.allows("delegate-bw-1", "delegate-bw-1")).isFalse();
		assertThat(this.policy.allows("DELEGATE-BW-1", "delegate-bw-1")).isFalse();
		assertThat(this.policy.allows("lantern-bw-1", null)).isTrue();
	}

	@Test
	void aRefusalNamesTheFieldAndThePartOfTheRule() {
		assertThatThrownBy(() -> this.policy.check("newPassword", "short", "someone"))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("newPassword");
				assertThat(ex.messageCode()).isEqualTo("password.rule.short");
				assertThat(ex.arguments()).containsExactly(12, 128);
			});
		assertThatThrownBy(() -> this.policy.check("password", "Password1234", "someone"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("password.rule.common"));
		assertThatThrownBy(() -> this.policy.check("password", "x".repeat(129), "someone"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("password.rule.long"));
		assertThatThrownBy(() -> this.policy.check("password", "someone-else", "Someone-Else"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("password.rule.username"));
	}

}
