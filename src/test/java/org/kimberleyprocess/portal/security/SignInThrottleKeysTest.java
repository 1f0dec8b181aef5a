package org.kimberleyprocess.portal.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleKeysTest {

	@Test
	void anIpv6AddressCountsByItsSlash64Network() {
		assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
		assertThat(SignInThrottle.addressKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(SignInThrottle.addressKey("2001:db8::1%eth0")).isEqualTo("2001:db8:0:0::/64");
		assertThat(SignInThrottle.addressKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
	}

	@Test
	void anIpv4AddressCountsAlone() {
		assertThat(SignInThrottle.addressKey("203.0.113.66")).isEqualTo("203.0.113.66");
		assertThat(SignInThrottle.addressKey(null)).isEqualTo("unknown");
	}

	@Test
	void usernamesAreCountedAsTheAccountDirectoryReadsThem() {
		assertThat(SignInThrottle.usernameKey("  Chair ")).isEqualTo("chair");
		assertThat(SignInThrottle.usernameKey("x".repeat(500))).hasSize(100);
	}

}
