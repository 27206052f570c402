package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The complaints procedure events complaints-service publishes. */
class ComplaintContractsTest {

	private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

	static Stream<CharterEvent> oneOfEachComplaintEvent() {
		return Stream.of(
				new ComplaintReceived("e1", T0, "k1", "ABOUT_US", "LETTER", T0, "jo", "c1", "cu1", "PATIENT",
						"large print"),
				new ComplaintReceived("e2", T0, "k1", "ABOUT_PROVIDER", "EMAIL", T0, "jo", null, null, null, null),
				new ComplaintAcknowledged("e3", T0, "k1", "jo", T0, 20),
				new ComplaintInvestigationStarted("e4", T0, "k1", null, T0),
				new ComplaintExtensionAgreed("e5", T0, "k1", "jo", T0, LocalDate.parse("2027-01-15"), null),
				new ComplaintExtensionAgreed("e6", T0, "k1", "jo", T0, LocalDate.parse("2027-02-15"), "BOARD"),
				new ComplaintResponded("e7", T0, "k1", "jo", T0, "PARTLY_UPHELD", true, T0),
				new ComplaintResponded("e8", T0, "k1", "jo", T0, "NOT_UPHELD", false, null),
				new ComplaintEscalated("e9", T0, "k1", "jo", T0, "BOARD", 1, 20),
				new ComplaintEscalationResponded("e10", T0, "k1", "jo", "BOARD", T0, "UPHELD"),
				new ComplaintSignposted("e11", T0, "k1", "jo", T0, "PALS", true),
				new ComplaintClosed("e12", T0, "k1", "jo", T0), new ComplaintWithdrawn("e13", T0, "k1", null, T0),
				new ComplaintReassigned("e14", T0, "k1", "jo", "sam", T0));
	}

	@ParameterizedTest
	@MethodSource("oneOfEachComplaintEvent")
	void complaintEventsConformToTheirSchemaAndDecodeToAnEqualRecord(CharterEvent event) {
		byte[] payload = EventCodec.encode(event);

		assertThat(event.type().wireName()).startsWith("complaint.");
		assertThat(event.type().topic()).isEqualTo(Topics.COMPLAINTS);
		assertThat(EventSchemas.violations(event.type().wireName(), payload)).isEmpty();
		assertThat(EventCodec.decode(event.type().wireName(), payload)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("oneOfEachComplaintEvent")
	void complaintEventsAreKeyedByTheComplaint(CharterEvent event) {
		assertThat(event.contactId()).isEqualTo("k1");
		assertThat(EventCodec.toJson(event)).contains("\"complaintId\":\"k1\"").doesNotContain("contactId");
	}

	@Test
	void everyComplaintEventTypeIsOnTheComplaintsTopic() {
		assertThat(Arrays.stream(EventType.values()).filter((type) -> type.wireName().startsWith("complaint.")))
			.hasSize(11)
			.allSatisfy((type) -> assertThat(type.topic()).isEqualTo("charter.complaint-events"));
	}

	@Test
	void anExtensionCarriesTheDateTheComplainantWasToldAsADate() {
		String json = EventCodec
			.toJson(new ComplaintExtensionAgreed("e5", T0, "k1", "jo", T0, LocalDate.parse("2027-01-15"), null));

		assertThat(json).contains("\"newDueDate\":\"2027-01-15\"");
	}

	@Test
	void anEscalationStageIsACodeNotFreeText() {
		byte[] freeText = EventCodec.toJson(new ComplaintEscalated("e9", T0, "k1", "jo", T0, "BOARD", 1, 20))
			.replace("\"BOARD\"", "\"Mrs Smith wants the chair to look\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("complaint.escalated.v1", freeText)).isNotEmpty();
	}

	@Test
	void theReceivedSchemaRejectsPersonalDataFields() {
		byte[] extra = EventCodec
			.toJson(new ComplaintReceived("e1", T0, "k1", "ABOUT_US", "LETTER", T0, "jo", null, null, null, null))
			.replace("\"kind\"", "\"complainantName\":\"Mrs Smith\",\"kind\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("complaint.received.v1", extra)).isNotEmpty();
	}

}
