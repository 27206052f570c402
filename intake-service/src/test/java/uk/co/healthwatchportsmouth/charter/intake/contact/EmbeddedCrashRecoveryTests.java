package uk.co.healthwatchportsmouth.charter.intake.contact;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

class EmbeddedCrashRecoveryTests extends CrashRecoveryScenarios {

	@Override
	protected void registerInfrastructure(DynamicPropertyRegistry registry, String database) {
		EmbeddedInfrastructure.register(registry, database);
	}

}
