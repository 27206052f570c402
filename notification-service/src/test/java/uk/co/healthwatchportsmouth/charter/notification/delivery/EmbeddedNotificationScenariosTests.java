package uk.co.healthwatchportsmouth.charter.notification.delivery;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

/** The scenarios on the in-JVM Kafka broker and Mongo wire server. */
class EmbeddedNotificationScenariosTests extends NotificationScenarios {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "notification");
	}

}
