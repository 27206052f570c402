package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's name, contact details and the subject of their contact stay in this
 * service: they never reach Kafka, where every service and operator can read them, nor
 * the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ConfidentialityScenarios extends IntakeScenario {

	/** Distinctive enough that no other text on the topic or in the log contains them. */
	private static final List<String> PERSONAL_DATA = List.of("Philippa Quartermaine-Oyelaran", "Quartermaine",
			"Oyelaran", "p.quartermaine.oyelaran@example.org", "quartermaine.oyelaran", "+44 23 9260 7311", "9260 7311",
			"Prescription refused for Zoxaprine at Fratton pharmacy", "Zoxaprine", "Fratton pharmacy",
			"Bartholomew Ngata-Villeneuve", "Villeneuve", "07700 900461", "900461", "Hearing loop broken at St Mary's",
			"Hearing loop", "14 Kingston Crescent", "Kingston Crescent", "PO2 8AB", "Needs the daughter present",
			"daughter present", "Receptionist was very rude", "very rude");

	@Test
	void customerDetailsAndSubjectsNeverReachTheTopicOrTheLogs(CapturedOutput output) {
		String byEmail = logContact(contact((contact) -> {
			contact.put("subject", "Prescription refused for Zoxaprine at Fratton pharmacy");
			contact.withObject("customer").put("name", "Philippa Quartermaine-Oyelaran");
			contact.withObject("customer").put("email", "p.quartermaine.oyelaran@example.org");
			contact.withObject("customer").put("phone", "+44 23 9260 7311");
			contact.withObject("customer").put("address", "14 Kingston Crescent, Portsmouth PO2 8AB");
			contact.withObject("customer").put("type", "PATIENT");
			contact.withObject("customer").set("needs", JSON.readTree("""
					{ "largePrintFontSize": 18, "preferredLanguage": "Polish", "interpreterNeeded": true,
					  "accessNotes": "Needs the daughter present" }"""));
		}));
		String byAnswerphone = logContact(contact((contact) -> {
			contact.put("channel", "ANSWERPHONE");
			contact.put("subject", "Hearing loop broken at St Mary's");
			contact.withObject("customer").put("name", "Bartholomew Ngata-Villeneuve");
			contact.withObject("customer").remove("email");
			contact.withObject("customer").put("phone", "07700 900461");
		}));
		this.clock.advance(Duration.ofHours(1));
		String promise = "\"promisedBy\": \"" + this.clock.instant().plus(Duration.ofDays(10)) + "\"";
		assertThat(send("POST", "/contacts/" + byEmail + "/holding-reply",
				"{\"reasonCode\": \"AWAITING_PROVIDER\", " + promise + "}", "X-Staff-Id", "jo")
			.statusCode()).isEqualTo(200);
		assertThat(postWithoutBody("/contacts/" + byEmail + "/information-request").statusCode()).isEqualTo(200);
		assertThat(postWithoutBody("/contacts/" + byEmail + "/information-received").statusCode()).isEqualTo(200);
		assertThat(post("/contacts/" + byEmail + "/reassignment", "{\"toAssigneeId\": \"sam.k\"}").statusCode())
			.isEqualTo(200);
		assertThat(postWithoutBody("/contacts/" + byEmail + "/response").statusCode()).isEqualTo(200);
		assertThat(postWithoutBody("/contacts/" + byEmail + "/resolution").statusCode()).isEqualTo(200);
		assertThat(post("/contacts/" + byEmail + "/feedback",
				"{\"score\": 1, \"comment\": \"Receptionist was very rude\"}")
			.statusCode()).isEqualTo(200);
		assertThat(postWithoutBody("/contacts/" + byAnswerphone + "/complaint-escalation").statusCode()).isEqualTo(200);
		assertThat(post("/answerphone/checks", "{\"messagesFound\": 1}").statusCode()).isEqualTo(201);
		String customerId = json(get("/contacts/" + byEmail)).at("/customer/customerId").asString();
		assertThat(send("DELETE", "/customers/" + customerId + "/personal-data", null).statusCode()).isEqualTo(200);
		// rejected requests carry personal data too, and error handling must not log it
		assertThat(post("/contacts", contact((contact) -> {
			contact.put("subject", "Prescription refused for Zoxaprine at Fratton pharmacy");
			contact.withObject("customer").put("name", "Philippa Quartermaine-Oyelaran");
			contact.withObject("customer").put("email", "p.quartermaine.oyelaran@example");
		}).toString()).statusCode()).isEqualTo(400);
		assertThat(post("/contacts", "{\"subject\": \"Prescription refused for Zoxaprine at Fratton pharmacy")
			.statusCode()).isEqualTo(400);

		try (TopicReader topic = contactEvents()) {
			topic.await((record) -> byEmail.equals(record.key()) && "contact.resolved.v1".equals(record.type()),
					Duration.ofSeconds(15));
			topic.await((record) -> byAnswerphone.equals(record.key())
					&& "contact.escalated-to-complaint.v1".equals(record.type()), Duration.ofSeconds(15));
		}
		List<ConsumerRecord<byte[], byte[]>> everything = new ArrayList<>();
		for (String topic : TopicRecords.allTopics(kafkaBrokers())) {
			everything.addAll(TopicRecords.readAll(kafkaBrokers(), topic));
		}

		assertThat(everything).extracting((record) -> text(record.key()))
			.contains(byEmail, byAnswerphone, "answerphone-check");
		assertThat(everything).allSatisfy(
				(record) -> assertThat(visibleText(record)).as("record %s on %s", text(record.key()), Topics.CONTACTS)
					.doesNotContain(PERSONAL_DATA));
		assertThat(output.getAll()).as("the service logged the contacts (by id)").contains(byEmail, byAnswerphone);
		assertThat(output.getAll()).doesNotContain(PERSONAL_DATA);
	}

	private static String visibleText(ConsumerRecord<byte[], byte[]> record) {
		List<String> texts = new ArrayList<>();
		texts.add(text(record.key()));
		texts.add(text(record.value()));
		for (Header header : record.headers()) {
			texts.add(header.key() + "=" + text(header.value()));
		}
		return String.join("\n", texts);
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "";
	}

}
