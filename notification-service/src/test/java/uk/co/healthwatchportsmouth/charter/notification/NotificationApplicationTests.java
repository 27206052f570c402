package uk.co.healthwatchportsmouth.charter.notification;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.RunningServiceChecks;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.stream.bindings.slaEvents-in-0.consumer.auto-startup=false",
				"spring.cloud.stream.bindings.contactEvents-in-0.consumer.auto-startup=false", "spring.mail.port=1",
				// no SMTP server here; the mail health check (and its smtp group) is
				// tested in
				// NotificationScenarios
				"management.health.mail.enabled=false", "management.endpoint.health.validate-group-membership=false" })
class NotificationApplicationTests extends RunningServiceChecks {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "notification-smoke");
	}

	@Test
	void documentsTheStaffDirectoryAndResendEndpoints() throws Exception {
		HttpResponse<String> apiDocs = get("/v3/api-docs", LocalUsers.JO);
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/staff\"", "\"/staff/{id}\"", "\"/notifications/{id}/resend\"")
			.contains("adding or changing someone is manager-only");
	}

}
