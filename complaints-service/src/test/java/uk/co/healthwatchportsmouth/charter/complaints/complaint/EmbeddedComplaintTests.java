package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

/** The scenarios on the in-JVM Kafka broker and Mongo wire server. */
class EmbeddedComplaintTests extends ComplaintScenarios {

	@DynamicPropertySource
	static void embeddedInfrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "complaints");
	}

}
