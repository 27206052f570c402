package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.intake.IntakeApplication;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real crash: intake-service runs in its own process, answers 201 to a burst of
 * contacts and is killed (SIGKILL) straight after the last answer, whatever its outbox
 * was doing. Restarted, it publishes what was still pending, so every contact answered
 * 201 has exactly one contact.received.v1 event on the topic (one event id; a record the
 * killed process had sent but not yet removed from its outbox arrives twice with that
 * same id).
 */
abstract class CrashRecoveryScenarios {

	private static final String DATABASE = "intake-crash";

	private static final int CONTACTS = 40;

	/** Points the service processes at the infrastructure under test. */
	protected abstract void registerInfrastructure(DynamicPropertyRegistry registry, String database);

	@Test
	void everyContactAnswered201BeforeAKillIsPublishedExactlyOnceAfterTheRestart() throws Exception {
		Map<String, Supplier<Object>> infrastructure = new HashMap<>();
		registerInfrastructure(infrastructure::put, DATABASE);
		String mongoUri = infrastructure.get("spring.mongodb.uri").get().toString();
		String brokers = infrastructure.get("spring.cloud.stream.kafka.binder.brokers").get().toString();
		int port = freePort();

		Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), IntakeApplication.class.getName(), "--server.port=" + port,
				"--spring.mongodb.uri=" + mongoUri, "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
				"--spring.kafka.bootstrap-servers=" + brokers, "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--charter.security.mode=basic",
				"--charter.security.users.jo.password=jo", "--charter.security.users.jo.roles=STAFF")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		List<String> accepted = new ArrayList<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			URI contacts = URI.create("http://127.0.0.1:" + awaitHealthy(service, port) + "/contacts");
			for (int i = 0; i < CONTACTS; i++) {
				HttpResponse<String> created = http.send(LocalUsers.JO.signIn(HttpRequest.newBuilder(contacts))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"channel":"PHONE","subject":"Crash test","customer":{"name":"Alex Example"},
							 "assigneeId":"jo"}"""))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(created.statusCode()).isEqualTo(201);
				accepted.add(IntakeScenario.JSON.readTree(created.body()).get("id").asString());
			}
		}
		finally {
			service.destroyForcibly().waitFor();
		}

		try (MongoClient mongo = MongoClients.create(mongoUri)) {
			long pendingAtKill = mongo.getDatabase(DATABASE)
				.getCollection("contacts")
				.countDocuments(Filters.exists("outbox.0"));
			System.out.println("Contacts with unpublished events when the service was killed: " + pendingAtKill);
		}
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IntakeApplication.class)
			.run(LocalUsers.withLocalUsers("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
					"--spring.cloud.stream.kafka.binder.brokers=" + brokers,
					"--spring.kafka.bootstrap-servers=" + brokers, "--charter.outbox.retry-interval=PT1S"));
				TopicReader topic = new TopicReader(brokers, Topics.CONTACTS)) {
			for (String id : accepted) {
				topic.await((record) -> id.equals(record.key()), Duration.ofSeconds(30));
			}
			List<Received> ours = topic.drain(Duration.ofSeconds(2))
				.stream()
				.filter((record) -> accepted.contains(record.key()))
				.toList();
			assertThat(ours).extracting(Received::type).containsOnly("contact.received.v1");
			// A kill after Kafka acknowledged an event but before the outbox removed it
			// makes the restarted service send it again, with the same event id: the
			// delivery is at least once, the event is one, and consumers drop the copy
			// by its id.
			Map<String, List<String>> eventIdsByContact = new HashMap<>();
			ours.forEach((record) -> eventIdsByContact.computeIfAbsent(record.key(), (key) -> new ArrayList<>())
				.add(record.eventId()));
			assertThat(eventIdsByContact).containsOnlyKeys(accepted);
			assertThat(eventIdsByContact.values()).allSatisfy((ids) -> assertThat(ids).containsOnly(ids.getFirst()));
			long redelivered = ours.size() - accepted.size();
			System.out.println("Records published twice (same event id) because of the kill: " + redelivered);
		}
	}

	/** The port, once the service on it reports healthy. */
	private static int awaitHealthy(Process service, int port) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (System.nanoTime() < deadline) {
				assertThat(service.isAlive()).as("service process running").isTrue();
				try {
					if (http
						.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200) {
						return port;
					}
				}
				catch (java.io.IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
		}
		throw new AssertionError("intake-service did not start within 90 s");
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
