package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contact lifecycle events intake-service publishes after contact.received.v1. */
class ContactLifecycleContractsTest {

	private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");

	private static final Instant PROMISED = Instant.parse("2026-12-08T17:00:00Z");

	static Stream<CharterEvent> oneOfEachLifecycleEvent() {
		return Stream.of(new ContactResolvedAtFirstContact("e1", T0, "c1", T0, "jo"),
				new HoldingReplySent("e2", T0, "c1", T0, "jo", "AWAITING_PROVIDER", PROMISED),
				new InformationRequested("e3", T0, "c1", T0, "jo"), new InformationReceived("e4", T0, "c1", T0, null),
				new ContactResolved("e5", T0, "c1", T0, "jo"),
				new ContactReassigned("e6", T0, "c1", "jo", "sam.k", "lead"),
				new ContactEscalatedToComplaint("e7", T0, "c1", T0, "jo", "cust-1", "LETTER", "PATIENT"),
				new ContactEscalatedToComplaint("e8", T0, "c1", T0, null, "cust-1", "EMAIL", null),
				new AnswerphoneChecked("e9", T0, T0, "jo", 3));
	}

	@ParameterizedTest
	@MethodSource("oneOfEachLifecycleEvent")
	void lifecycleEventsConformToTheirSchemaAndDecodeToAnEqualRecord(CharterEvent event) {
		byte[] payload = EventCodec.encode(event);

		assertThat(event.type().wireName()).startsWith("contact.");
		assertThat(event.type().topic()).isEqualTo(Topics.CONTACTS);
		assertThat(EventSchemas.violations(event.type().wireName(), payload)).isEmpty();
		assertThat(EventCodec.decode(event.type().wireName(), payload)).isEqualTo(event);
	}

	@Test
	void anAnswerphoneCheckIsKeyedByTheSyntheticKey() {
		AnswerphoneChecked check = new AnswerphoneChecked("e1", T0, T0, "jo", 0);

		assertThat(check.contactId()).isEqualTo(AnswerphoneChecked.KEY).isEqualTo("answerphone-check");
		assertThatThrownBy(() -> new AnswerphoneChecked("e1", T0, "c1", T0, "jo", 0))
			.isInstanceOf(IllegalArgumentException.class);
		byte[] otherKey = EventCodec.toJson(check).replace("answerphone-check", "c1").getBytes(StandardCharsets.UTF_8);
		assertThat(EventSchemas.violations("contact.answerphone-checked.v1", otherKey)).isNotEmpty();
	}

	@Test
	void aHoldingReplyReasonIsACodeNotFreeText() {
		byte[] freeText = EventCodec
			.toJson(new HoldingReplySent("e2", T0, "c1", T0, "jo", "AWAITING_PROVIDER", PROMISED))
			.replace("AWAITING_PROVIDER", "Waiting for Mrs Smith's GP")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("contact.holding-reply-sent.v1", freeText)).isNotEmpty();
	}

	@Test
	void theEscalationSchemaRejectsPersonalDataFields() {
		byte[] withName = EventCodec
			.toJson(new ContactEscalatedToComplaint("e7", T0, "c1", T0, "jo", "cust-1", "LETTER", "PATIENT"))
			.replace("\"customerId\"", "\"customerName\":\"Alex Example\",\"customerId\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(EventSchemas.violations("contact.escalated-to-complaint.v1", withName)).isNotEmpty();
	}

}
