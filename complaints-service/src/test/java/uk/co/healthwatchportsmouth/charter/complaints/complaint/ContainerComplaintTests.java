package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.ContainerInfrastructure;

/** The scenarios on real Kafka and MongoDB in containers; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerComplaintTests extends ComplaintScenarios {

	@DynamicPropertySource
	static void containerInfrastructure(DynamicPropertyRegistry registry) {
		ContainerInfrastructure.register(registry, "complaints");
	}

}
