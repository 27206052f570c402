package uk.co.healthwatchportsmouth.charter.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

// The scenario tests own charter.sla-events and charter.contact-events on the shared embedded broker: this context
// must not join their consumer group, nor ever reach the local stack's SMTP port.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.stream.bindings.slaEvents-in-0.consumer.auto-startup=false",
				"spring.cloud.stream.bindings.contactEvents-in-0.consumer.auto-startup=false", "spring.mail.port=1" })
class NotificationApplicationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "notification-smoke");
	}

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void reportsHealthyOnTheMongoWireServerAndPublishesItsApiAndMetrics() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");

		HttpResponse<String> apiDocs = get("/v3/api-docs");
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("\"/staff\"", "\"/staff/{id}\"", "\"/notifications/{id}/resend\"")
			.contains("become manager-only when the security issue is done");
		assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
