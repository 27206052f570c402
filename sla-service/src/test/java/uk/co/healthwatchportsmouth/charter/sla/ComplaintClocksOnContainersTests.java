package uk.co.healthwatchportsmouth.charter.sla;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.ContainerInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class ComplaintClocksOnContainersTests extends ComplaintClocksScenarios {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ContainerInfrastructure.register(registry, "sla_complaints");
	}

}
