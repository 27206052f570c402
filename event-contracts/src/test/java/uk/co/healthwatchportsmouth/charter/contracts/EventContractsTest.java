package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTest {

	private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");

	private static final Instant DUE = Instant.parse("2026-11-26T17:00:00Z");

	static Stream<CharterEvent> oneOfEachEvent() {
		return Stream.of(new ContactReceived("e1", T0, "c1", "EMAIL", T0, "jo"),
				new ContactResponded("e2", T0, "c1", T0, "jo"),
				new ClockStarted("e3", T0, "k1", "c1", "EMAIL", "jo", T0, DUE, DUE.minusSeconds(7200)),
				new ReminderDue("e4", T0, "k1", "c1", "EMAIL", "jo", DUE, DUE.minusSeconds(7200), T0),
				new Breached("e5", T0, "k1", "c1", "EMAIL", "jo", DUE, DUE, DUE.plusMillis(12)),
				new Met("e6", T0, "k1", "c1", "EMAIL", "jo", DUE, T0),
				new ContactReceived("e7", T0, "c2", "LETTER", T0, "jo", "PATIENT", "large print; interpreter: Polish"),
				new Escalated("e8", T0, "k1", "c1", "EMAIL", "jo", DUE, 1, DUE, DUE.plusSeconds(57600)),
				new DeadlineChanged("e9", T0, "k1", "c1", "EMAIL", "jo", DUE, DUE.plusSeconds(86400),
						"Bank holiday added: 2026-11-26 (One-off bank holiday)"));
	}

	@Test
	void everyEventTypeHasASchemaAndAWireNameEndingInItsVersion() {
		assertThat(EventType.values()).allSatisfy((type) -> {
			assertThat(type.wireName()).matches("[a-z]+\\.[a-z-]+\\.v\\d+");
			assertThat(EventContractsTest.class.getResource(type.schemaResource())).as(type.wireName()).isNotNull();
		});
	}

	@ParameterizedTest
	@MethodSource("oneOfEachEvent")
	void encodedEventsConformToTheirSchemaAndDecodeToAnEqualRecord(CharterEvent event) {
		byte[] payload = EventCodec.encode(event);

		assertThat(EventSchemas.violations(event.type().wireName(), payload)).isEmpty();
		assertThat(EventCodec.decode(event.type().wireName(), payload)).isEqualTo(event);
	}

	@Test
	void instantsTravelAsIsoStringsInUtc() {
		String json = EventCodec.toJson(new ContactReceived("e1", T0, "c1", "EMAIL", T0, "jo"));

		assertThat(json).contains("\"receivedAt\":\"2026-11-24T10:15:30Z\"");
	}

	@Test
	void aConsumerIgnoresOptionalFieldsAddedByANewerProducer() {
		byte[] newer = """
				{"eventId":"e2","occurredAt":"2026-11-24T10:15:30Z","contactId":"c1",
				 "respondedAt":"2026-11-24T10:15:30Z","respondedBy":"jo","viaChannel":"PHONE"}"""
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventCodec.decode("contact.responded.v1", newer))
			.isEqualTo(new ContactResponded("e2", T0, "c1", T0, "jo"));
	}

	@Test
	void theSchemaRejectsAPayloadCarryingAFieldItDoesNotDeclare() {
		byte[] leaky = """
				{"eventId":"e2","occurredAt":"2026-11-24T10:15:30Z","contactId":"c1",
				 "respondedAt":"2026-11-24T10:15:30Z","customerEmail":"someone@example.org"}"""
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("contact.responded.v1", leaky)).isNotEmpty();
	}

	@Test
	void unreadablePayloadsAreReportedAsMalformed() {
		List<byte[]> bad = List.of("not json".getBytes(StandardCharsets.UTF_8),
				"{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(bad)
			.allSatisfy((payload) -> assertThatThrownBy(() -> EventCodec.decode("contact.received.v1", payload))
				.isInstanceOf(MalformedEventException.class));
		assertThatThrownBy(() -> EventCodec.decode("contact.exploded.v9", "{}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("Unknown event type");
	}

	@Test
	void eventIdsAreDeterministicPerFact() {
		assertThat(EventIds.of("k1", "BREACHED")).isEqualTo(EventIds.of("k1", "BREACHED"))
			.isNotEqualTo(EventIds.of("k1", "REMINDER"));
	}

}
