package uk.co.healthwatchportsmouth.charter.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventMessagesTest {

	private final ContactReceived event = new ContactReceived("e1", Instant.parse("2026-11-24T10:00:00Z"), "c1",
			"EMAIL", Instant.parse("2026-11-24T10:00:00Z"), "jo");

	@Test
	void aMessageIsKeyedByContactAndCarriesCloudEventsHeaders() {
		Message<byte[]> message = EventMessages.toMessage(this.event, "/intake-service");

		assertThat(new String((byte[]) message.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
			.isEqualTo("c1");
		assertThat(EventMessages.header(message, EventHeaders.TYPE)).isEqualTo("contact.received.v1");
		assertThat(EventMessages.header(message, EventHeaders.ID)).isEqualTo("e1");
		assertThat(EventMessages.fromMessage(message)).isEqualTo(this.event);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ce-", "ce.", "cloudEvents:", "cloudEvents_" })
	void cloudEventsAttributesAreReadUnderAnyProtocolPrefix(String prefix) {
		Message<byte[]> rewritten = MessageBuilder.withPayload(EventCodec.encode(this.event))
			.setHeader(prefix + "type", "contact.received.v1")
			.setHeader(prefix + "id", "e1".getBytes(StandardCharsets.UTF_8))
			.build();

		assertThat(EventMessages.header(rewritten, EventHeaders.ID)).isEqualTo("e1");
		assertThat(EventMessages.fromMessage(rewritten)).isEqualTo(this.event);
	}

	@Test
	void aRecordWithoutATypeHeaderIsMalformed() {
		Message<byte[]> message = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();

		assertThatThrownBy(() -> EventMessages.fromMessage(message)).isInstanceOf(MalformedEventException.class);
	}

	@Test
	void eachRecordOfABatchKeepsItsOwnHeaders() {
		ContactReceived second = new ContactReceived("e2", Instant.parse("2026-11-24T10:05:00Z"), "c2", "LETTER",
				Instant.parse("2026-11-24T10:05:00Z"), "sam");
		Message<byte[]> first = EventMessages.toMessage(this.event, "/intake-service");
		Message<byte[]> next = EventMessages.toMessage(second, "/intake-service");
		Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(first.getPayload(), next.getPayload()))
			.setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS,
					List.of(Map.copyOf(first.getHeaders()), Map.copyOf(next.getHeaders())))
			.build();

		List<Message<?>> records = EventMessages.split(batch);

		assertThat(records).hasSize(2);
		assertThat(records.stream().map(EventMessages::fromMessage)).containsExactly(this.event, second);
		assertThat(EventMessages.header(records.get(1), EventHeaders.ID)).isEqualTo("e2");
	}

	@Test
	void aBatchRecordWithoutHeadersIsMalformed() {
		Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(EventCodec.encode(this.event))).build();

		List<Message<?>> records = EventMessages.split(batch);

		assertThatThrownBy(() -> EventMessages.fromMessage(records.get(0))).isInstanceOf(MalformedEventException.class);
	}

}
