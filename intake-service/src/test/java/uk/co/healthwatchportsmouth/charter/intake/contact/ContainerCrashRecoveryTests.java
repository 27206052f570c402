package uk.co.healthwatchportsmouth.charter.intake.contact;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.support.testing.ContainerInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class ContainerCrashRecoveryTests extends CrashRecoveryScenarios {

	@Override
	protected void registerInfrastructure(DynamicPropertyRegistry registry, String database) {
		ContainerInfrastructure.register(registry, database);
	}

}
