package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right to erasure and the retention rule: the person disappears, the facts charter
 * statistics need stay, and both are audited.
 */
abstract class PrivacyScenarios extends IntakeScenario {

	@Autowired
	PersonalDataService personalData;

	@Test
	void erasingACustomerBlanksTheirDataOnEveryContactAndKeepsTheFacts() {
		String first = logContact(contact((contact) -> {
			contact.withObject("customer").put("type", "PATIENT");
			contact.withObject("customer").put("address", "3 Albert Road, Southsea");
			contact.withObject("customer")
				.set("needs", JSON.readTree("{\"largePrintFontSize\": 16, \"accessNotes\": \"Uses a hearing aid\"}"));
		}));
		String customerId = json(get("/contacts/" + first)).at("/customer/customerId").asString();
		String second = logContact(contact((contact) -> contact.withObject("customer").put("customerId", customerId)));
		String someoneElse = logContact(contact());
		send("POST", "/contacts/" + first + "/resolution-at-first-contact", null);
		send("POST", "/contacts/" + first + "/feedback", "{\"score\": 2, \"comment\": \"Too slow\"}");

		HttpResponse<String> erased = send("DELETE", "/customers/" + customerId + "/personal-data", null, "X-Staff-Id",
				"dpo");

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat(json(erased).get("contactsErased").asInt()).isEqualTo(2);
		JsonNode contact = json(get("/contacts/" + first));
		assertThat(contact.get("subject").isNull()).isTrue();
		assertThat(contact.at("/customer/name").isNull()).isTrue();
		assertThat(contact.at("/customer/email").isNull()).isTrue();
		assertThat(contact.at("/customer/address").isNull()).isTrue();
		assertThat(contact.at("/customer/needs/accessNotes").isNull()).isTrue();
		assertThat(contact.at("/feedback/comment").isNull()).isTrue();
		assertThat(contact.at("/feedback/score").asInt()).isEqualTo(2);
		assertThat(contact.at("/customer/type").asString()).isEqualTo("PATIENT");
		assertThat(contact.at("/customer/needs/largePrintFontSize").asInt()).isEqualTo(16);
		assertThat(contact.get("resolvedAtFirstContact").asBoolean()).isTrue();
		assertThat(contact.get("personalDataErasedAt").isNull()).isFalse();
		assertThat(json(get("/contacts/" + second)).at("/customer/name").isNull()).isTrue();
		assertThat(json(get("/contacts/" + someoneElse)).at("/customer/name").asString()).isEqualTo("Alex Example");
		JsonNode erasure = lastChange(json(get("/contacts/" + second + "/audit")));
		assertThat(erasure.get("action").asString()).isEqualTo("PERSONAL_DATA_ERASED");
		assertThat(erasure.get("staffId").asString()).isEqualTo("dpo");
		assertThat(send("DELETE", "/customers/no-such-customer/personal-data", null).statusCode()).isEqualTo(404);
	}

	@Test
	void contactsClosedLongerAgoThanTheRetentionPeriodAreAnonymised() {
		String old = logContact(contact((contact) -> contact.put("channel", "PHONE")));
		send("POST", "/contacts/" + old + "/resolution-at-first-contact", null);
		String stillOpen = logContact(contact());
		this.clock.advance(Duration.ofDays(366 * 6 - 10));
		String recent = logContact(contact((contact) -> contact.put("channel", "PHONE")));
		send("POST", "/contacts/" + recent + "/resolution-at-first-contact", null);

		this.clock.advance(Duration.ofDays(12));
		this.personalData.anonymiseExpiredContacts();

		assertThat(json(get("/contacts/" + old)).at("/customer/name").isNull()).isTrue();
		assertThat(json(get("/contacts/" + old)).get("status").asString()).isEqualTo("RESOLVED");
		assertThat(json(get("/contacts/" + stillOpen)).at("/customer/name").asString()).isEqualTo("Alex Example");
		assertThat(json(get("/contacts/" + recent)).at("/customer/name").asString()).isEqualTo("Alex Example");
		JsonNode anonymised = lastChange(json(get("/contacts/" + old + "/audit")));
		assertThat(anonymised.get("action").asString()).isEqualTo("ANONYMISED_AFTER_RETENTION");
		assertThat(anonymised.get("staffId").asString()).isEqualTo("retention");
		assertThat(this.personalData.anonymiseExpiredContacts()).as("nothing left to anonymise").isZero();
	}

	/** The latest entry that is not a read (reads of the contact are audited too). */
	private static JsonNode lastChange(JsonNode audit) {
		for (int i = audit.size() - 1; i >= 0; i--) {
			if (!"VIEWED".equals(audit.get(i).get("action").asString())) {
				return audit.get(i);
			}
		}
		throw new AssertionError("No change in " + audit);
	}

}
