package uk.co.healthwatchportsmouth.charter.support.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every running service must show: healthy on the Mongo wire server (the health
 * check answers without {@code hello}), its OpenAPI document, and Prometheus metrics. A
 * service's smoke test extends this with its
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} set-up.
 */
public abstract class RunningServiceChecks {

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void reportsHealthyOnTheMongoWireServerAndPublishesItsApiAndMetrics() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");

		assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
	}

	protected HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
