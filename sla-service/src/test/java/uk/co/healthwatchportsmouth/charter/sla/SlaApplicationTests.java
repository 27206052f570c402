package uk.co.healthwatchportsmouth.charter.sla;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.RunningServiceChecks;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
class SlaApplicationTests extends RunningServiceChecks {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "sla");
	}

}
