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
 * check answers without {@code hello}, and without signing in), its OpenAPI document, and
 * Prometheus metrics for the OPS user only. A service's smoke test extends this with its
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

		assertThat(get("/v3/api-docs", LocalUsers.JO).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", LocalUsers.OPS).body()).contains("jvm_memory_used_bytes");
		assertThat(get("/actuator/prometheus", LocalUsers.JO).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	@Test
	void isReadyOnceMongoAndKafkaAnswerAndItsLivenessDependsOnNeither() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"")
			.contains("\"readinessState\"", "\"mongo\"", "\"kafka\"");

		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"livenessState\"").doesNotContain("\"mongo\"", "\"kafka\"");
	}

	protected HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> get(String path, LocalUsers.User user) throws Exception {
		return this.http.send(
				user.signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
