package uk.co.healthwatchportsmouth.charter.sla;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

class ComplaintClocksOnEmbeddedInfrastructureTests extends ComplaintClocksScenarios {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "sla_complaints");
	}

}
