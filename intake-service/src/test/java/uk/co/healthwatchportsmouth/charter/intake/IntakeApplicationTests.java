package uk.co.healthwatchportsmouth.charter.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.RunningServiceChecks;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApplicationTests extends RunningServiceChecks {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "intake");
	}

}
