package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPendingGaugeTest {

	@Test
	void thePendingGaugeCountsTheDocumentsOfTheWatchedCollectionsThatStillCarryEvents() {
		String database = "outbox-gauge-" + UUID.randomUUID();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (MongoClient client = MongoClients.create(EmbeddedInfrastructure.mongoUri(database));
				EventOutbox outbox = new EventOutbox(new MongoTemplate(client, database), (binding, message) -> false,
						new OutboxProperties("/test", Duration.ofSeconds(5), 1, Duration.ofSeconds(5), 500, 4),
						Map.of(), meters)) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			mongo.insert(withOutbox("a", 2), "contacts");
			mongo.insert(withOutbox("b", 1), "contacts");
			mongo.insert(withOutbox("c", 0), "contacts");
			mongo.insert(withOutbox("d", 1), "complaints");
			mongo.insert(withOutbox("e", 1), "not-watched");
			outbox.watch("contacts");
			outbox.watch("complaints");

			assertThat(meters.get("charter.outbox.pending").gauge().value()).as("not counted until refreshed").isZero();
			outbox.countPending();

			assertThat(meters.get("charter.outbox.pending").gauge().value()).isEqualTo(3);
		}
	}

	private static Document withOutbox(String id, int events) {
		List<Document> outbox = java.util.stream.IntStream.range(0, events)
			.mapToObj((n) -> new Document("eventId", id + "-" + n).append("type", "contact.received.v1"))
			.toList();
		return new Document("_id", id).append(EventOutbox.FIELD, outbox);
	}

}
