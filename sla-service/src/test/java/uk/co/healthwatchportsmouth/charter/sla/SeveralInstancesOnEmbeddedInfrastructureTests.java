package uk.co.healthwatchportsmouth.charter.sla;

import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

class SeveralInstancesOnEmbeddedInfrastructureTests extends SeveralInstancesScenarios {

	@Override
	void infrastructure(DynamicPropertyRegistry registry, String database) {
		EmbeddedInfrastructure.register(registry, database);
	}

}
