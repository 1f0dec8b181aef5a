package org.kimberleyprocess.portal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at an embedded MariaDB server when no database is configured, so that
 * tests and the development run need nothing installed. Lives on the test classpath only: the
 * production jar never starts an embedded database.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		// The embedded server stops with the JVM, alongside the contexts: what still asks for a
		// connection then (the event registry on close) gives up after the pool's connection
		// timeout, the application's own (three seconds).
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedMariaDb", Map.of("spring.datasource.url", EmbeddedMariaDb.url(),
					"spring.datasource.username", "root", "spring.datasource.password", "")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
