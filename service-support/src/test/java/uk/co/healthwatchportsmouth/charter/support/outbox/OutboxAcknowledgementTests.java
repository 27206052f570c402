package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay with the Spring Cloud Stream Kafka binder and a real broker, bindings sending
 * asynchronously as the services' do: what removes an event from the outbox is the
 * broker's acknowledgement, not the binder taking the message. One binding writes to a
 * topic whose broker-side size limit refuses every event, so the refusal only comes back
 * in the broker's answer.
 */
class OutboxAcknowledgementTests {

	private static final String COLLECTION = "documents";

	private final String suffix = UUID.randomUUID().toString();

	private final String acceptingTopic = "outbox-accepting-" + this.suffix;

	private final String refusingTopic = "outbox-refusing-" + this.suffix;

	@Test
	void anEventLeavesTheOutboxOnlyOnceTheBrokerHasAcknowledgedIt() throws Exception {
		String brokers = EmbeddedInfrastructure.kafkaBrokers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			admin
				.createTopics(List.of(new NewTopic(this.acceptingTopic, 1, (short) 1),
						new NewTopic(this.refusingTopic, 1, (short) 1).configs(Map.of("max.message.bytes", "64"))))
				.all()
				.get();

			try (ConfigurableApplicationContext service = start(brokers)) {
				MongoTemplate mongo = service.getBean(MongoTemplate.class);
				ContactReassigned reassigned = new ContactReassigned("contact-1/reassigned",
						Instant.parse("2026-11-24T10:00:00Z"), "contact-1", "jo", "sam", "sam");
				PendingEvent event = PendingEvent.of(reassigned);
				mongo.insert(new Document("_id", "contact-1").append(EventOutbox.FIELD,
						List.of(new Document("eventId", event.eventId()).append("type", event.type())
							.append("payload", event.payload()))),
						COLLECTION);

				try (EventOutbox refused = outbox(service, "refusing-out-0")) {
					assertThat(refused.publish(COLLECTION, "contact-1")).as("published through the refusing binding")
						.isFalse();
				}
				assertThat(outboxOf(mongo)).as("kept after the broker refused it").containsExactly(event.eventId());

				try (EventOutbox accepted = outbox(service, "accepting-out-0")) {
					assertThat(accepted.publish(COLLECTION, "contact-1")).as("published through the accepting binding")
						.isTrue();
				}
				assertThat(outboxOf(mongo)).as("removed once acknowledged").isEmpty();
				assertThat(endOffset(admin, this.acceptingTopic)).as("records on the accepting topic").isEqualTo(1);
				assertThat(endOffset(admin, this.refusingTopic)).as("records on the refusing topic").isZero();
			}
		}
	}

	private ConfigurableApplicationContext start(String brokers) {
		return new SpringApplicationBuilder(Publisher.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.cloud.stream.kafka.binder.brokers=" + brokers,
					"spring.kafka.bootstrap-servers=" + brokers,
					"spring.mongodb.uri=" + EmbeddedInfrastructure.mongoUri("outbox-acks-" + this.suffix),
					"charter.outbox.source=/test", "spring.cloud.stream.output-bindings=accepting;refusing",
					"spring.cloud.stream.bindings.accepting-out-0.destination=" + this.acceptingTopic,
					"spring.cloud.stream.bindings.refusing-out-0.destination=" + this.refusingTopic,
					"spring.cloud.stream.kafka.binder.required-acks=all",
					"spring.cloud.stream.kafka.bindings.accepting-out-0.producer.sync=false",
					"spring.cloud.stream.kafka.bindings.refusing-out-0.producer.sync=false")
			.run();
	}

	private static EventOutbox outbox(ConfigurableApplicationContext service, String binding) {
		EventOutbox outbox = new EventOutbox(service.getBean(MongoTemplate.class), service.getBean(StreamBridge.class),
				new OutboxProperties("/test", Duration.ofMinutes(5), 1, 10), Map.of(Topics.CONTACTS, binding),
				new SimpleMeterRegistry());
		outbox.setApplicationContext(service);
		return outbox;
	}

	private static List<String> outboxOf(MongoTemplate mongo) {
		return mongo.findById("contact-1", Document.class, COLLECTION)
			.getList(EventOutbox.FIELD, Document.class, List.of())
			.stream()
			.map((entry) -> entry.getString("eventId"))
			.toList();
	}

	private static long endOffset(Admin admin, String topic) throws Exception {
		TopicPartition partition = new TopicPartition(topic, 0);
		return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
	}

	@SpringBootApplication
	static class Publisher {

	}

}
