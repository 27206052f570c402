package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client of the contacts API can rely on. */
abstract class ContactApiScenarios extends IntakeScenario {

	@Test
	void loggingAContactAnswers201WithItsLocationAndTheStoredContact() {
		Instant receivedAt = this.clock.instant().minus(Duration.ofMinutes(45));
		ObjectNode request = contact((contact) -> {
			contact.put("receivedAt", receivedAt.toString());
			contact.withObject("customer").put("phone", "+44 23 9200 0000");
		});

		HttpResponse<String> created = post("/contacts", request.toString());

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = json(created);
		String id = body.get("id").asString();
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(created.headers().firstValue("Location")).hasValue("/contacts/" + id);
		assertThat(body.get("channel").asString()).isEqualTo("EMAIL");
		assertThat(body.get("receivedAt").asString()).isEqualTo(receivedAt.toString());
		assertThat(body.get("subject").asString()).isEqualTo("Question about GP registration");
		assertThat(body.at("/customer/name").asString()).isEqualTo("Alex Example");
		assertThat(body.at("/customer/email").asString()).isEqualTo("alex@example.org");
		assertThat(body.at("/customer/phone").asString()).isEqualTo("+44 23 9200 0000");
		assertThat(body.at("/customer/customerId").asString()).isNotBlank();
		assertThat(body.get("assigneeId").asString()).isEqualTo("jo");
		assertThat(body.get("status").asString()).isEqualTo("OPEN");
		assertThat(body.get("respondedAt").isNull()).isTrue();
		assertThat(body.get("respondedBy").isNull()).isTrue();
	}

	@Test
	void aLoggedContactReadsBackExactlyAsItWasAnswered() {
		HttpResponse<String> created = post("/contacts", contact().toString());
		String location = created.headers().firstValue("Location").orElseThrow();

		HttpResponse<String> read = get(location);

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json(read)).isEqualTo(json(created));
	}

	@Test
	void aContactWithoutReceivedAtWasReceivedNow() {
		Instant now = this.clock.advance(Duration.ofMinutes(7));

		HttpResponse<String> created = post("/contacts", contact((contact) -> contact.remove("receivedAt")).toString());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("receivedAt").asString()).isEqualTo(now.toString());
	}

	@Test
	void aContactByPhoneNeedsNoEmailAddress() {
		HttpResponse<String> created = post("/contacts", contact((contact) -> {
			contact.put("channel", "ANSWERPHONE");
			contact.withObject("customer").remove("email");
			contact.withObject("customer").put("phone", "023 9200 0000");
		}).toString());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created).at("/customer/email").isNull()).isTrue();
	}

	@Test
	void anUnknownContactIsAProblem404() {
		HttpResponse<String> missing = get("/contacts/00000000-0000-4000-8000-000000000000");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(missing).get("status").asInt()).isEqualTo(404);
	}

	record BadContact(String description, Function<IntakeScenario, String> body, String field) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	static Stream<BadContact> badContacts() {
		return Stream.of(
				new BadContact("missing channel", (s) -> s.contact((c) -> c.remove("channel")).toString(), "channel"),
				new BadContact("unknown channel",
						(s) -> s.contact((c) -> c.put("channel", "CARRIER_PIGEON")).toString(), "channel"),
				new BadContact("blank subject", (s) -> s.contact((c) -> c.put("subject", "   ")).toString(), "subject"),
				new BadContact("subject over 200 characters",
						(s) -> s.contact((c) -> c.put("subject", "x".repeat(201))).toString(), "subject"),
				new BadContact("missing customer", (s) -> s.contact((c) -> c.remove("customer")).toString(),
						"customer"),
				new BadContact("missing customer name",
						(s) -> s.contact((c) -> c.withObject("customer").remove("name")).toString(), "customer.name"),
				new BadContact("email address without a domain",
						(s) -> s.contact((c) -> c.withObject("customer").put("email", "alex.example.org")).toString(),
						"customer.email"),
				new BadContact("email address with a bare host name",
						(s) -> s.contact((c) -> c.withObject("customer").put("email", "alex@localhost")).toString(),
						"customer.email"),
				new BadContact("EMAIL contact without an email address",
						(s) -> s.contact((c) -> c.withObject("customer").remove("email")).toString(), "customer.email"),
				new BadContact("phone with letters",
						(s) -> s.contact((c) -> c.withObject("customer").put("phone", "call me maybe")).toString(),
						"customer.phone"),
				new BadContact("missing assigneeId", (s) -> s.contact((c) -> c.remove("assigneeId")).toString(),
						"assigneeId"),
				new BadContact("assigneeId that is not a staff id",
						(s) -> s.contact((c) -> c.put("assigneeId", "Jo Bloggs")).toString(), "assigneeId"),
				new BadContact("receivedAt a second in the future",
						(s) -> s.contact((c) -> c.put("receivedAt", s.clock.instant().plusSeconds(1).toString()))
							.toString(),
						"receivedAt"),
				new BadContact("receivedAt that is not an instant",
						(s) -> s.contact((c) -> c.put("receivedAt", "yesterday")).toString(), "receivedAt"),
				new BadContact("malformed JSON", (s) -> "{\"channel\": \"EMAIL\", \"subject\": ", "body"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badContacts")
	void anInvalidContactIsAProblem400NamingTheField(BadContact bad) {
		HttpResponse<String> rejected = post("/contacts", bad.body().apply(this));

		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
		assertThat(rejected.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(rejected).get("errors").findValuesAsString("field")).as(rejected.body())
			.containsExactly(bad.field());
	}

	@Test
	void recordingTheResponseAnswers200WithTheRespondedContact() {
		Instant now = this.clock.instant();
		String id = logContact(contact());

		HttpResponse<String> responded = post("/contacts/" + id + "/response", """
				{ "respondedAt": "%s", "respondedBy": "sam.k" }""".formatted(now.minusSeconds(60)));

		assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
		JsonNode body = json(responded);
		assertThat(body.get("id").asString()).isEqualTo(id);
		assertThat(body.get("status").asString()).isEqualTo("RESPONDED");
		assertThat(body.get("respondedAt").asString()).isEqualTo(now.minusSeconds(60).toString());
		assertThat(body.get("respondedBy").asString()).isEqualTo("sam.k");
		assertThat(json(get("/contacts/" + id))).isEqualTo(body);
	}

	@Test
	void aResponseWithoutABodyWasMadeNowByTheSignedInUser() {
		String id = logContact(contact());
		Instant now = this.clock.advance(Duration.ofHours(2));

		HttpResponse<String> responded = postWithoutBody("/contacts/" + id + "/response");

		assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
		assertThat(json(responded).get("respondedAt").asString()).isEqualTo(now.toString());
		assertThat(json(responded).get("respondedBy").asString()).isEqualTo(LocalUsers.JO.name());
	}

	@Test
	void aSecondResponseIsAProblem409AndLeavesTheFirstInPlace() {
		String id = logContact(contact());
		HttpResponse<String> first = post("/contacts/" + id + "/response", "{\"respondedBy\": \"jo\"}");

		HttpResponse<String> second = post("/contacts/" + id + "/response", "{\"respondedBy\": \"sam.k\"}");

		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(second).get("errors").findValuesAsString("field")).containsExactly("status");
		assertThat(json(get("/contacts/" + id))).isEqualTo(json(first));
	}

	@Test
	void aResponseBeforeTheContactArrivedIsAProblem400NamingRespondedAt() {
		Instant receivedAt = this.clock.instant().minus(Duration.ofHours(1));
		String id = logContact(contact((contact) -> contact.put("receivedAt", receivedAt.toString())));

		HttpResponse<String> rejected = post("/contacts/" + id + "/response",
				"{\"respondedAt\": \"%s\"}".formatted(receivedAt.minusMillis(1)));

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(json(rejected).get("errors").findValuesAsString("field")).containsExactly("respondedAt");
		assertThat(json(get("/contacts/" + id)).get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void aResponseInTheFutureIsAProblem400NamingRespondedAt() {
		String id = logContact(contact());

		HttpResponse<String> rejected = post("/contacts/" + id + "/response",
				"{\"respondedAt\": \"%s\"}".formatted(this.clock.instant().plusSeconds(1)));

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(json(rejected).get("errors").findValuesAsString("field")).containsExactly("respondedAt");
	}

	@Test
	void respondingToAnUnknownContactIsAProblem404() {
		HttpResponse<String> missing = postWithoutBody("/contacts/00000000-0000-4000-8000-000000000000/response");

		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@Test
	void theApiDocumentationDescribesEveryContactOperationWithExamples() {
		HttpResponse<String> docs = get("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode paths = json(docs).get("paths");
		assertThat(paths.at("/~1contacts/post/summary").asString()).isEqualTo("Log a customer contact");
		assertThat(paths.at("/~1contacts~1{id}/get/summary").asString()).isEqualTo("Read a contact");
		assertThat(paths.at("/~1contacts~1{id}~1response/post/summary").asString())
			.isEqualTo("Record that the customer was answered");
		assertThat(paths.at("/~1contacts/post/requestBody/content/application~1json/examples").propertyNames())
			.contains("email", "answerphone");
		assertThat(paths.at("/~1contacts~1{id}~1response/post/responses").propertyNames()).contains("200", "400", "404",
				"409");
		assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
	}

}
