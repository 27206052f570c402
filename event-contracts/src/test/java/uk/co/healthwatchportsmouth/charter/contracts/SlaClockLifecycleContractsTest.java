package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock pause, resume and cancel events sla-service publishes. */
class SlaClockLifecycleContractsTest {

	private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");

	private static final Instant DUE = Instant.parse("2026-12-01T17:00:00Z");

	static Stream<CharterEvent> oneOfEachClockLifecycleEvent() {
		return Stream.of(new ClockPaused("e1", T0, "k1", "c1", "EMAIL", "jo", DUE, T0),
				new ClockPaused("e2", T0, "k1", "c1", "EMAIL", null, DUE, T0),
				new ClockResumed("e3", T0, "k1", "c1", "EMAIL", "jo", T0, T0.plusSeconds(3600), DUE,
						DUE.plusSeconds(3600)),
				new ClockCancelled("e4", T0, "k1", "c1", "PROMISED_RESPONSE", "jo", DUE, T0,
						"SUPERSEDED_BY_NEW_PROMISE"));
	}

	@ParameterizedTest
	@MethodSource("oneOfEachClockLifecycleEvent")
	void clockLifecycleEventsConformToTheirSchemaAndDecodeToAnEqualRecord(CharterEvent event) {
		byte[] payload = EventCodec.encode(event);

		assertThat(event.type().wireName()).startsWith("sla.clock-");
		assertThat(event.type().topic()).isEqualTo(Topics.SLA);
		assertThat(EventSchemas.violations(event.type().wireName(), payload)).isEmpty();
		assertThat(EventCodec.decode(event.type().wireName(), payload)).isEqualTo(event);
	}

	@Test
	void wireNamesAreTheDocumentedOnes() {
		assertThat(new ClockPaused("e1", T0, "k1", "c1", "EMAIL", "jo", DUE, T0).type().wireName())
			.isEqualTo("sla.clock-paused.v1");
		assertThat(EventType.fromWireName("sla.clock-resumed.v1")).contains(EventType.CLOCK_RESUMED);
		assertThat(EventType.fromWireName("sla.clock-cancelled.v1")).contains(EventType.CLOCK_CANCELLED);
	}

	@Test
	void aCancellationReasonIsACodeNotFreeText() {
		byte[] freeText = EventCodec
			.toJson(new ClockCancelled("e4", T0, "k1", "c1", "PROMISED_RESPONSE", "jo", DUE, T0,
					"SUPERSEDED_BY_NEW_PROMISE"))
			.replace("SUPERSEDED_BY_NEW_PROMISE", "Mrs Smith called again")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("sla.clock-cancelled.v1", freeText)).isNotEmpty();
	}

	@Test
	void thePauseSchemaRejectsUnknownFields() {
		byte[] extra = EventCodec.toJson(new ClockPaused("e1", T0, "k1", "c1", "EMAIL", "jo", DUE, T0))
			.replace("\"clockId\"", "\"subject\":\"Complaint about Dr X\",\"clockId\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("sla.clock-paused.v1", extra)).isNotEmpty();
	}

}
