package uk.co.healthwatchportsmouth.charter.intake.contact;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

/**
 * Runs a scenario class on the in-JVM Kafka broker and Mongo wire server. Declared once
 * here, so every scenario class that implements it shares one Spring context.
 */
interface OnEmbeddedInfrastructure {

	@DynamicPropertySource
	static void embeddedInfrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "intake");
	}

}
