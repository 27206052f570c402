package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.HoldingReplySent;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's lifecycle over HTTP: each step answers the changed contact and publishes
 * its event, in order, keyed by the contact id; steps the status does not allow are
 * refused with 409.
 */
abstract class LifecycleScenarios extends IntakeScenario {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void customerTypeAndCommunicationNeedsAreShownAndSummarisedWithoutTheNotes() {
		String id = logContact(contact((contact) -> {
			contact.withObject("customer").put("type", "COMMUNITY_ORGANISATION");
			contact.withObject("customer").put("address", "12 Elm Grove, Southsea PO5 1JF");
			contact.withObject("customer").set("needs", JSON.readTree("""
					{ "preferredChannel": "LETTER", "largePrintFontSize": 18, "preferredLanguage": "Polish",
					  "interpreterNeeded": true, "bsl": true, "easyRead": true,
					  "accessNotes": "Carer reads letters aloud" }"""));
		}));

		JsonNode customer = json(get("/contacts/" + id)).get("customer");
		assertThat(customer.get("type").asString()).isEqualTo("COMMUNITY_ORGANISATION");
		assertThat(customer.get("address").asString()).isEqualTo("12 Elm Grove, Southsea PO5 1JF");
		assertThat(customer.at("/needs/largePrintFontSize").asInt()).isEqualTo(18);
		assertThat(customer.at("/needs/accessNotes").asString()).isEqualTo("Carer reads letters aloud");
		String summary = "large print (18pt); interpreter: Polish; BSL; easy read; prefers letter; see access notes";
		assertThat(customer.at("/needs/summary").asString()).isEqualTo(summary);
		try (TopicReader topic = contactEvents()) {
			Received received = topic.await((record) -> id.equals(record.key()), WAIT);
			assertThat(received.event()).isInstanceOfSatisfying(ContactReceived.class, (event) -> {
				assertThat(event.customerType()).isEqualTo("COMMUNITY_ORGANISATION");
				assertThat(event.needsSummary()).isEqualTo(summary);
			});
			assertThat(received.json()).doesNotContain("Carer", "Elm Grove");
		}
	}

	@Test
	void everyStepPublishesItsEventInOrderKeyedByTheContact() {
		String id = logContact(contact());
		Instant promisedBy = this.clock.instant().plus(Duration.ofDays(14));

		assertThat(step(id, "holding-reply",
				"{\"reasonCode\": \"AWAITING_PROVIDER\", \"promisedBy\": \"" + promisedBy + "\"}"))
			.extracting(LifecycleScenarios::status)
			.isEqualTo("HOLDING_REPLY_SENT");
		assertThat(status(step(id, "information-request", null))).isEqualTo("AWAITING_INFORMATION");
		this.clock.advance(Duration.ofHours(2));
		assertThat(status(step(id, "information-received", null))).isEqualTo("HOLDING_REPLY_SENT");
		assertThat(status(step(id, "reassignment", "{\"toAssigneeId\": \"sam.k\"}"))).isEqualTo("HOLDING_REPLY_SENT");
		assertThat(status(step(id, "response", null))).isEqualTo("RESPONDED");
		HttpResponse<String> resolved = step(id, "resolution", null);
		assertThat(status(resolved)).isEqualTo("RESOLVED");
		assertThat(json(resolved).at("/holdingReply/promisedBy").asString()).isEqualTo(promisedBy.toString());
		assertThat(json(resolved).get("assigneeId").asString()).isEqualTo("sam.k");

		List<Received> events = eventsOf(id, "contact.resolved.v1");
		assertThat(events).extracting(Received::type)
			.containsExactly("contact.received.v1", "contact.holding-reply-sent.v1", "contact.information-requested.v1",
					"contact.information-received.v1", "contact.reassigned.v1", "contact.responded.v1",
					"contact.resolved.v1");
		assertThat(events)
			.allSatisfy((event) -> assertThat(EventSchemas.violations(event.type(), event.payload())).as(event.type())
				.isEmpty());
		assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
		assertThat(events.get(1).event()).isInstanceOfSatisfying(HoldingReplySent.class, (sent) -> {
			assertThat(sent.reasonCode()).isEqualTo("AWAITING_PROVIDER");
			assertThat(sent.promisedBy()).isEqualTo(promisedBy);
		});
		assertThat(events.get(4).event()).isEqualTo(new ContactReassigned(events.get(4).eventId(),
				((ContactReassigned) events.get(4).event()).occurredAt(), id, "jo", "sam.k", "jo"));
	}

	@Test
	void aContactResolvedAtFirstContactIsCountedAsSuch() {
		String id = logContact(contact((contact) -> contact.put("channel", "PHONE")));

		HttpResponse<String> resolved = step(id, "resolution-at-first-contact", null, "X-Staff-Id", "jo");

		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(json(resolved).get("resolvedAtFirstContact").asBoolean()).isTrue();
		assertThat(json(resolved).get("resolvedBy").asString()).isEqualTo("jo");
		assertThat(eventsOf(id, "contact.resolved-at-first-contact.v1")).extracting(Received::type)
			.containsExactly("contact.received.v1", "contact.resolved-at-first-contact.v1");
	}

	@Test
	void escalatingToAComplaintHandsOverIdsAndFactsOnly() {
		String id = logContact(contact((contact) -> contact.withObject("customer").put("type", "PATIENT")));
		String customerId = json(get("/contacts/" + id)).at("/customer/customerId").asString();

		assertThat(status(step(id, "complaint-escalation", null))).isEqualTo("ESCALATED");

		Received escalated = eventsOf(id, "contact.escalated-to-complaint.v1").getLast();
		assertThat(escalated.event()).isInstanceOfSatisfying(ContactEscalatedToComplaint.class, (event) -> {
			assertThat(event.customerId()).isEqualTo(customerId);
			assertThat(event.channel()).isEqualTo("EMAIL");
			assertThat(event.customerType()).isEqualTo("PATIENT");
		});
		assertThat(step(id, "response", null).statusCode()).isEqualTo(409);
	}

	@Test
	void stepsTheStatusDoesNotAllowAreProblems409NamingTheStatus() {
		String id = logContact(contact());

		for (String notYet : List.of("resolution", "information-received")) {
			HttpResponse<String> refused = step(id, notYet, null);
			assertThat(refused.statusCode()).as(notYet).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(json(refused).get("errors").findValuesAsString("field")).containsExactly("status");
		}
		assertThat(status(step(id, "response", null))).isEqualTo("RESPONDED");
		assertThat(step(id, "resolution-at-first-contact", null).statusCode()).isEqualTo(409);
		assertThat(step(id, "holding-reply", "{\"reasonCode\": \"NEEDS_RESEARCH\", \"promisedBy\": \""
				+ this.clock.instant().plusSeconds(3600) + "\"}")
			.statusCode()).isEqualTo(409);
	}

	@Test
	void unprocessableAndInvalidStepsNameTheField() {
		String id = logContact(contact());

		HttpResponse<String> pastPromise = step(id, "holding-reply", "{\"reasonCode\": \"AWAITING_PROVIDER\", "
				+ "\"promisedBy\": \"" + this.clock.instant().minusSeconds(60) + "\"}");
		assertThat(pastPromise.statusCode()).isEqualTo(422);
		assertThat(json(pastPromise).get("errors").findValuesAsString("field")).containsExactly("promisedBy");

		HttpResponse<String> freeTextReason = step(id, "holding-reply",
				"{\"reasonCode\": \"waiting for the GP\", \"promisedBy\": \"" + this.clock.instant().plusSeconds(60)
						+ "\"}");
		assertThat(freeTextReason.statusCode()).isEqualTo(400);
		assertThat(json(freeTextReason).get("errors").findValuesAsString("field")).containsExactly("reasonCode");

		HttpResponse<String> sameAssignee = step(id, "reassignment", "{\"toAssigneeId\": \"jo\"}");
		assertThat(sameAssignee.statusCode()).isEqualTo(422);
		assertThat(json(sameAssignee).get("errors").findValuesAsString("field")).containsExactly("toAssigneeId");

		assertThat(step("00000000-0000-4000-8000-000000000000", "resolution", null).statusCode()).isEqualTo(404);
		assertThat(json(get("/contacts/" + id)).get("version").asLong()).isZero();
	}

	@Test
	void theDailyAnswerphoneCheckIsPublishedUnderItsSyntheticKey() {
		HttpResponse<String> checked = send("POST", "/answerphone/checks", "{\"messagesFound\": 3}", "X-Staff-Id",
				"sam.k");

		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		try (TopicReader topic = contactEvents()) {
			Received check = topic.await(
					(record) -> AnswerphoneChecked.KEY.equals(record.key())
							&& record.event() instanceof AnswerphoneChecked event && "sam.k".equals(event.checkedBy()),
					WAIT);
			assertThat(((AnswerphoneChecked) check.event()).messagesFound()).isEqualTo(3);
			assertThat(EventSchemas.violations(check.type(), check.payload())).isEmpty();
		}
		assertThat(send("POST", "/answerphone/checks", "{\"messagesFound\": -1}").statusCode()).isEqualTo(400);
	}

	HttpResponse<String> step(String id, String step, String body, String... headers) {
		return send("POST", "/contacts/" + id + "/" + step, body, headers);
	}

	static String status(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("status").asString();
	}

	/** The contact's events in topic order, once {@code lastType} has arrived. */
	List<Received> eventsOf(String id, String lastType) {
		try (TopicReader topic = contactEvents()) {
			topic.await((record) -> id.equals(record.key()) && lastType.equals(record.type()), WAIT);
			return topic.drain(Duration.ZERO).stream().filter((record) -> id.equals(record.key())).toList();
		}
	}

}
