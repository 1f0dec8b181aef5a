package org.kimberleyprocess.portal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The embedded server's root account has no password, so it must not be reachable from elsewhere. */
@PortalTest
class EmbeddedMariaDbTest {

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theEmbeddedServerListensOnTheLoopbackInterfaceOnly() {
		assumeTrue(this.environment.getPropertySources().contains("embeddedMariaDb"),
				"the tests run against an external MariaDB");
		assertThat(this.jdbc.queryForObject("SELECT @@bind_address", String.class)).isEqualTo("127.0.0.1");
	}

}
