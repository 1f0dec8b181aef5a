package org.kimberleyprocess.portal.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the {@code generate} profile the portal starts, the demo loads, the history is generated
 * once (a second run finds it and does nothing) and the process ends with status 0.
 */
@Component
@Profile("generate")
@Order(20)
class GenerateOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerateOnStart.class);

	private final DataGenerator generator;

	private final ConfigurableApplicationContext context;

	GenerateOnStart(DataGenerator generator, ConfigurableApplicationContext context) {
		this.generator = generator;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.generator.alreadyGenerated()) {
			log.info("The history was generated before; nothing to do");
		}
		else {
			DataGenerator.Report report = this.generator.generate(GenerationScale.full());
			log.info("Generated in {} s: {}", report.seconds(), report.counts());
		}
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

}
