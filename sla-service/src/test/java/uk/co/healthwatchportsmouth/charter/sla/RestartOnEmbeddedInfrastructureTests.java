package uk.co.healthwatchportsmouth.charter.sla;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

class RestartOnEmbeddedInfrastructureTests extends RestartScenarios {

	@Override
	void infrastructure(DynamicPropertyRegistry registry, String database) {
		EmbeddedInfrastructure.register(registry, database);
	}

}
