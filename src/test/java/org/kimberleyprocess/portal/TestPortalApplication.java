package org.kimberleyprocess.portal;

import org.springframework.boot.SpringApplication;

/**
 * Development run: {@code mvn spring-boot:test-run} serves the portal on an embedded MariaDB
 * whose data stays under {@code ./data/} between runs, with the demo data loaded.
 */
public class TestPortalApplication {

	public static void main(String[] args) {
		System.setProperty(EmbeddedMariaDb.DATA_DIR_PROPERTY,
				System.getProperty(EmbeddedMariaDb.DATA_DIR_PROPERTY, "data/mariadb"));
		// Templates and assets straight from the working tree, so edits show on reload.
		System.setProperty("spring.thymeleaf.prefix", "file:templates/");
		System.setProperty("spring.thymeleaf.cache", "false");
		System.setProperty("spring.web.resources.static-locations", "file:static/");
		SpringApplication application = new SpringApplication(PortalApplication.class);
		application.setAdditionalProfiles("demo");
		application.run(args);
	}

}
