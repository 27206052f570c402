package uk.co.healthwatchportsmouth.charter.sla;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.support.testing.ContainerInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class SeveralInstancesOnContainersTests extends SeveralInstancesScenarios {

	@Override
	void infrastructure(DynamicPropertyRegistry registry, String database) {
		ContainerInfrastructure.register(registry, database);
	}

}
