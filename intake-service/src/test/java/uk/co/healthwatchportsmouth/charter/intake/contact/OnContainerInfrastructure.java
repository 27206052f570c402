package uk.co.healthwatchportsmouth.charter.intake.contact;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.ContainerInfrastructure;

/**
 * Runs a scenario class on real Kafka and MongoDB in containers. Implementing classes
 * carry {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
interface OnContainerInfrastructure {

	@DynamicPropertySource
	static void containerInfrastructure(DynamicPropertyRegistry registry) {
		ContainerInfrastructure.register(registry, "intake");
	}

}
