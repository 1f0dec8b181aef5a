package org.kimberleyprocess.portal.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * The portal's clock. With {@code portal.clock.start} set (the demo does), it starts at that
	 * instant and runs forward from there.
	 */
	@Bean
	PortalClock portalClock(@Value("${portal.clock.start:}") String start) {
		Clock system = Clock.systemUTC();
		Duration offset = StringUtils.hasText(start) ? Duration.between(system.instant(), Instant.parse(start))
				: Duration.ZERO;
		return new PortalClock(system, offset);
	}

}
