package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.intake.IntakeApplication;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service killed after answering 201 but before Kafka had the event loses nothing: the
 * contact and its pending event were saved in one write, and the restarted service
 * publishes the event, once.
 */
abstract class OutboxRecoveryScenarios {

	private static final String DATABASE = "intake-recovery";

	private static final Instant RECEIVED_AT = Instant.parse("2026-11-24T09:05:00Z");

	private static final Instant LOGGED_AT = Instant.parse("2026-11-24T09:06:00.250Z");

	/** Points the restarted service at the infrastructure under test. */
	protected abstract void registerInfrastructure(DynamicPropertyRegistry registry, String database);

	@Test
	void aContactSavedButNeverPublishedIsPublishedExactlyOnceAfterARestart() throws Exception {
		Map<String, Supplier<Object>> infrastructure = new HashMap<>();
		registerInfrastructure(infrastructure::put, DATABASE);
		String mongoUri = infrastructure.get("spring.mongodb.uri").get().toString();
		String brokers = infrastructure.get("spring.cloud.stream.kafka.binder.brokers").get().toString();
		String id = UUID.randomUUID().toString();
		ContactReceived unpublished = new ContactReceived(EventIds.of(id, "received"), LOGGED_AT, id, "EMAIL",
				RECEIVED_AT, "jo");

		try (MongoClient mongo = MongoClients.create(mongoUri)) {
			MongoCollection<Document> contacts = mongo.getDatabase(DATABASE).getCollection("contacts");
			contacts.insertOne(savedButNotPublished(id, unpublished));

			try (ConfigurableApplicationContext restarted = restart(mongoUri, brokers);
					TopicReader topic = new TopicReader(brokers, Topics.CONTACTS)) {
				Received published = topic.await((record) -> id.equals(record.key()), Duration.ofSeconds(20));

				assertThat(published.event()).isEqualTo(unpublished);
				awaitEmptyOutbox(contacts, id);
				// a sweep or two later there is still only the one copy
				assertThat(topic.drain(Duration.ofSeconds(2)).stream().filter((record) -> id.equals(record.key())))
					.hasSize(1);
				assertThat(getContact(restarted, id).statusCode()).isEqualTo(200);
			}
		}
	}

	/** The document as the service writes it when a contact is logged. */
	private static Document savedButNotPublished(String id, ContactReceived event) {
		PendingEvent pending = PendingEvent.of(event);
		return new Document("_id", id).append("channel", "EMAIL")
			.append("receivedAt", Date.from(RECEIVED_AT))
			.append("subject", "Question about GP registration")
			.append("customer", new Document("name", "Alex Example").append("email", "alex@example.org"))
			.append("assigneeId", "jo")
			.append("status", "OPEN")
			.append("outbox",
					List.of(new Document("eventId", pending.eventId()).append("type", pending.type())
						.append("payload", pending.payload())
						.append("occurredAt", Date.from(pending.occurredAt()))));
	}

	private static ConfigurableApplicationContext restart(String mongoUri, String brokers) {
		return new SpringApplicationBuilder(IntakeApplication.class).run(LocalUsers.withLocalUsers("--server.port=0",
				"--spring.mongodb.uri=" + mongoUri, "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
				"--spring.kafka.bootstrap-servers=" + brokers,
				// sweep again soon if the start-up sweep ran before the collection was
				// watched
				"--charter.outbox.retry-interval=PT1S"));
	}

	private static void awaitEmptyOutbox(MongoCollection<Document> contacts, String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!contacts.find(Filters.eq("_id", id)).first().getList("outbox", Document.class).isEmpty()) {
			assertThat(System.nanoTime()).as("outbox emptied in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static HttpResponse<String> getContact(ConfigurableApplicationContext service, String id) throws Exception {
		String port = service.getEnvironment().getRequiredProperty("local.server.port");
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(LocalUsers.JO
				.signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/contacts/" + id)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
