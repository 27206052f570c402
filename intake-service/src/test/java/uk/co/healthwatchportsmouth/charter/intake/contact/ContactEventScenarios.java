package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;

/** What the SLA service and any other consumer of charter.contact-events can rely on. */
abstract class ContactEventScenarios extends IntakeScenario {

	private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(15);

	@Autowired
	MeterRegistry meters;

	@Test
	void aContactsRecordContinuesTheTraceOfTheRequestThatLoggedItAndIsCountedByChannel() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Counter letters = this.meters.counter("charter.contacts.received", "channel", "LETTER");
		double lettersBefore = letters.count();

		HttpResponse<String> created = send("POST", "/contacts",
				contact((contact) -> contact.put("channel", "LETTER")).toString(), "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json(created).get("id").asString();

		try (TopicReader topic = contactEvents()) {
			Received received = topic.await(
					(record) -> id.equals(record.key()) && "contact.received.v1".equals(record.type()),
					PUBLISHED_WITHIN);
			assertThat(received.traceParent()).as("published later by the outbox relay, still in the request's trace")
				.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
			assertThat(received.traceId()).isEqualTo(traceId);
		}
		assertThat(letters.count()).isEqualTo(lettersBefore + 1);
	}

	@Test
	void aLoggedContactIsPublishedAsContactReceivedKeyedByItsId() {
		Instant now = this.clock.advance(Duration.ofMinutes(3));
		Instant receivedAt = now.minus(Duration.ofMinutes(20));
		String id = logContact(contact((contact) -> {
			contact.put("channel", "LETTER");
			contact.put("receivedAt", receivedAt.toString());
			contact.put("assigneeId", "sam.k");
		}));

		try (TopicReader topic = contactEvents()) {
			Received received = topic.await(
					(record) -> id.equals(record.key()) && "contact.received.v1".equals(record.type()),
					PUBLISHED_WITHIN);

			String eventId = EventIds.of(id, "received");
			assertThat(received.eventId()).as("ce_id").isEqualTo(eventId);
			assertThat(EventSchemas.violations("contact.received.v1", received.payload())).isEmpty();
			assertThat(received.event())
				.isEqualTo(new ContactReceived(eventId, now, id, "LETTER", receivedAt, "sam.k"));
		}
		assertThat(headersOf(id, "contact.received.v1")).isEqualTo(
				new CloudEventsHeaders(EventIds.of(id, "received"), "contact.received.v1", "/intake-service", now));
	}

	@Test
	void aResponseIsPublishedAsContactRespondedKeyedByTheContactId() {
		String id = logContact(contact());
		Instant now = this.clock.advance(Duration.ofHours(4));
		post("/contacts/" + id + "/response", """
				{ "respondedAt": "%s", "respondedBy": "jo" }""".formatted(now.minusSeconds(90)));

		try (TopicReader topic = contactEvents()) {
			Received responded = topic.await(
					(record) -> id.equals(record.key()) && "contact.responded.v1".equals(record.type()),
					PUBLISHED_WITHIN);

			String eventId = EventIds.of(id, "responded");
			assertThat(responded.eventId()).as("ce_id").isEqualTo(eventId);
			assertThat(EventSchemas.violations("contact.responded.v1", responded.payload())).isEmpty();
			assertThat(responded.event()).isEqualTo(new ContactResponded(eventId, now, id, now.minusSeconds(90), "jo"));
		}
	}

	@Test
	void aContactsEventsArriveInTheOrderTheyHappened() {
		String id = logContact(contact());
		postWithoutBody("/contacts/" + id + "/response");

		try (TopicReader topic = contactEvents()) {
			topic.await((record) -> id.equals(record.key()) && "contact.responded.v1".equals(record.type()),
					PUBLISHED_WITHIN);

			assertThat(topic.drain(Duration.ZERO).stream().filter((record) -> id.equals(record.key())))
				.extracting(Received::type)
				.containsExactly("contact.received.v1", "contact.responded.v1");
		}
	}

	@Test
	void aRejectedResponsePublishesNothing() {
		String id = logContact(contact());
		post("/contacts/" + id + "/response",
				"{\"respondedAt\": \"%s\"}".formatted(this.clock.instant().plusSeconds(5)));
		String later = logContact(contact());

		try (TopicReader topic = contactEvents()) {
			// events of one service leave in order, so once the later contact is out the
			// rejected response would have been too
			topic.await((record) -> later.equals(record.key()), PUBLISHED_WITHIN);

			assertThat(topic.drain(Duration.ZERO).stream().filter((record) -> id.equals(record.key())))
				.extracting(Received::type)
				.containsExactly("contact.received.v1");
		}
	}

	@Test
	void aRecordCarriesNoHeaderOfTheRelaysOwnBookkeeping() {
		String id = logContact(contact());

		try (TopicReader topic = contactEvents()) {
			topic.await((record) -> id.equals(record.key()), PUBLISHED_WITHIN);
		}
		ConsumerRecord<byte[], byte[]> record = TopicRecords.readAll(kafkaBrokers(), Topics.CONTACTS)
			.stream()
			.filter((r) -> id.equals(new String(r.key(), StandardCharsets.UTF_8)))
			.findFirst()
			.orElseThrow();
		assertThat(record.headers()).extracting(Header::key)
			.as("the token the relay uses to get each send's acknowledgement stays in the service")
			.doesNotContain(KafkaIntegrationHeaders.FUTURE_TOKEN)
			.contains(EventHeaders.ID, EventHeaders.TYPE, EventHeaders.SOURCE, EventHeaders.TIME);
	}

	record CloudEventsHeaders(String id, String type, String source, Instant time) {
	}

	private CloudEventsHeaders headersOf(String contactId, String type) {
		ConsumerRecord<byte[], byte[]> record = TopicRecords.readAll(kafkaBrokers(), Topics.CONTACTS)
			.stream()
			.filter((r) -> contactId.equals(new String(r.key(), StandardCharsets.UTF_8))
					&& type.equals(header(r, EventHeaders.TYPE)))
			.findFirst()
			.orElseThrow();
		return new CloudEventsHeaders(header(record, EventHeaders.ID), header(record, EventHeaders.TYPE),
				header(record, EventHeaders.SOURCE), Instant.parse(header(record, EventHeaders.TIME)));
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
