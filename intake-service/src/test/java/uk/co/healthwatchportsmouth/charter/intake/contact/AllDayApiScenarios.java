package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff rely on all day: safe retries, no lost updates, search, the audit trail,
 * feedback and its report.
 */
abstract class AllDayApiScenarios extends IntakeScenario {

	@Autowired
	MongoContacts stored;

	@Test
	void everyChangeMovesTheEtagOnAndAStaleIfMatchIsAProblem412() {
		HttpResponse<String> created = post("/contacts", contact().toString());
		String id = json(created).get("id").asString();
		assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

		HttpResponse<String> reassigned = send("POST", "/contacts/" + id + "/reassignment",
				"{\"toAssigneeId\": \"sam.k\"}", "If-Match", "\"0\"");
		assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
		assertThat(reassigned.headers().firstValue("ETag")).hasValue("\"1\"");

		HttpResponse<String> stale = send("POST", "/contacts/" + id + "/response", "{}", "If-Match", "\"0\"");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(json(stale).get("errors").findValuesAsString("field")).containsExactly("If-Match");
		HttpResponse<String> malformed = send("POST", "/contacts/" + id + "/response", "{}", "If-Match", "yesterday");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed).get("errors").findValuesAsString("field")).containsExactly("If-Match");
		assertThat(get("/contacts/" + id).headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(json(get("/contacts/" + id)).get("status").asString()).isEqualTo("OPEN");

		assertThat(send("POST", "/contacts/" + id + "/response", "{}", "If-Match", "\"1\"").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyAnswersTheSameContact() {
		String key = UUID.randomUUID().toString();
		String body = contact().toString();

		HttpResponse<String> first = send("POST", "/contacts", body, "Idempotency-Key", key);
		this.clock.advance(Duration.ofSeconds(5));
		HttpResponse<String> retry = send("POST", "/contacts", body, "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json(retry)).isEqualTo(json(first));
		HttpResponse<String> otherContact = send("POST", "/contacts",
				contact((contact) -> contact.put("subject", "Something else")).toString(), "Idempotency-Key", key);
		assertThat(otherContact.statusCode()).isEqualTo(422);
		assertThat(json(otherContact).get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
		assertThat(send("POST", "/contacts", body, "Idempotency-Key", "has spaces in it").statusCode()).isEqualTo(400);
	}

	@Test
	void concurrentRetriesOfOnePostStoreOneContactAndPublishOneEvent() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = contact((contact) -> contact.put("assigneeId", "retry." + key.substring(0, 8))).toString();
		List<Callable<HttpResponse<String>>> retries = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			retries.add(() -> send("POST", "/contacts", body, "Idempotency-Key", key));
		}

		List<String> ids = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			for (Future<HttpResponse<String>> answer : clients.invokeAll(retries)) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
				ids.add(json(answer.get()).get("id").asString());
			}
		}

		assertThat(ids).containsOnly(ids.getFirst());
		String assignee = "retry." + key.substring(0, 8);
		assertThat(this.stored.search(new ContactFilter(null, null, assignee, null, null), 0, 10).total()).isOne();
		try (TopicReader topic = contactEvents()) {
			topic.await((record) -> ids.getFirst().equals(record.key()), Duration.ofSeconds(15));
			assertThat(topic.drain(Duration.ofSeconds(2)))
				.filteredOn((Received record) -> ids.getFirst().equals(record.key()))
				.hasSize(1);
		}
	}

	@Test
	void contactsAreSearchedByStatusChannelAssigneeAndTimeOnePageAtATime() {
		String assignee = "search." + UUID.randomUUID().toString().substring(0, 8);
		Instant now = this.clock.instant();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int minutesAgo = 50 - i;
			ids.add(logContact(contact((contact) -> {
				contact.put("assigneeId", assignee);
				contact.put("receivedAt", now.minus(Duration.ofMinutes(minutesAgo)).toString());
			})));
		}
		logContact(contact((contact) -> {
			contact.put("assigneeId", assignee);
			contact.put("channel", "LETTER");
		}));
		assertThat(postWithoutBody("/contacts/" + ids.get(0) + "/response").statusCode()).isEqualTo(200);

		JsonNode firstPage = json(get("/contacts?assigneeId=" + assignee + "&channel=EMAIL&size=2&page=0"));
		assertThat(firstPage.get("total").asLong()).isEqualTo(5);
		assertThat(firstPage.get("items").findValuesAsString("id")).containsExactly(ids.get(4), ids.get(3));
		JsonNode lastPage = json(get("/contacts?assigneeId=" + assignee + "&channel=EMAIL&size=2&page=2"));
		assertThat(lastPage.get("items").findValuesAsString("id")).containsExactly(ids.get(0));
		JsonNode open = json(get("/contacts?assigneeId=" + assignee + "&status=OPEN&channel=EMAIL"));
		assertThat(open.get("total").asLong()).isEqualTo(4);
		JsonNode window = json(get("/contacts?assigneeId=" + assignee + "&receivedAfter="
				+ now.minus(Duration.ofMinutes(49)) + "&receivedBefore=" + now.minus(Duration.ofMinutes(46))));
		assertThat(window.get("items").findValuesAsString("id")).containsExactly(ids.get(3), ids.get(2), ids.get(1));

		HttpResponse<String> badSize = get("/contacts?size=1000");
		assertThat(badSize.statusCode()).isEqualTo(400);
		assertThat(get("/contacts?status=LOST").statusCode()).isEqualTo(400);
	}

	@Test
	void readingAContactOrListingItIsAuditedAsViewedWithoutPersonalDataAndKeepsItsVersion() {
		String assignee = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
		String id = json(
				send("POST", "/contacts", contact((c) -> c.put("assigneeId", assignee)).toString(), "X-Staff-Id", "jo"))
			.get("id")
			.asString();
		Instant readAt = this.clock.advance(Duration.ofMinutes(2));

		HttpResponse<String> read = send("GET", "/contacts/" + id, null, "X-Staff-Id", "sam.k");
		this.clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> listed = send("GET", "/contacts?assigneeId=" + assignee, null, "X-Staff-Id", "lead");
		HttpResponse<String> readAgain = get("/contacts/" + id);

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(readAgain.headers().firstValue("ETag")).as("a read changes no version")
			.isEqualTo(read.headers().firstValue("ETag"));
		JsonNode audit = json(get("/contacts/" + id + "/audit"));
		assertThat(audit.findValuesAsString("action")).containsExactly("RECEIVED", "VIEWED", "VIEWED", "VIEWED");
		// without X-Staff-Id the signed-in user (jo) reads
		assertThat(audit.findValuesAsString("staffId")).containsExactly("jo", "sam.k", "lead", "jo");
		assertThat(audit.get(1).get("at").asString()).isEqualTo(readAt.toString());
		assertThat(audit.get(2).get("detail").asString()).isEqualTo("in a search result");
		assertThat(audit.toString()).as("the trail names who and when, never the customer's data")
			.doesNotContain("Alex Example", "alex@example.org", "Question about");
		assertThat(get("/contacts/00000000-0000-4000-8000-000000000000").statusCode()).isEqualTo(404);
	}

	@Test
	void theAuditTrailSaysWhoDidWhatAndWhen() {
		Instant loggedAt = this.clock.instant();
		HttpResponse<String> created = send("POST", "/contacts", contact().toString(), "X-Staff-Id", "jo");
		String id = json(created).get("id").asString();
		this.clock.advance(Duration.ofMinutes(3));
		send("POST", "/contacts/" + id + "/reassignment", "{\"toAssigneeId\": \"sam.k\"}", "X-Staff-Id", "lead");
		this.clock.advance(Duration.ofMinutes(3));
		send("POST", "/contacts/" + id + "/response", null);

		JsonNode audit = json(get("/contacts/" + id + "/audit"));

		assertThat(audit.findValuesAsString("action")).containsExactly("RECEIVED", "REASSIGNED", "RESPONDED");
		// without X-Staff-Id the signed-in user (jo) acts
		assertThat(audit.findValuesAsString("staffId")).containsExactly("jo", "lead", "jo");
		assertThat(audit.findValuesAsString("at")).containsExactly(loggedAt.toString(),
				loggedAt.plus(Duration.ofMinutes(3)).toString(), loggedAt.plus(Duration.ofMinutes(6)).toString());
		assertThat(get("/contacts/00000000-0000-4000-8000-000000000000/audit").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/contacts", contact().toString(), "X-Staff-Id", "Not A Staff Id").statusCode())
			.isEqualTo(400);
	}

	@Test
	void feedbackAfterResolutionIsStoredAndCountedInTheReport() {
		Instant from = this.clock.advance(Duration.ofDays(30));
		for (int score : new int[] { 5, 4 }) {
			String id = logContact(contact((contact) -> contact.put("channel", "PHONE")));
			send("POST", "/contacts/" + id + "/resolution-at-first-contact", null);
			this.clock.advance(Duration.ofMinutes(1));
			HttpResponse<String> given = send("POST", "/contacts/" + id + "/feedback",
					"{\"score\": " + score + ", \"comment\": \"Helpful\"}");
			assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
			assertThat(json(given).at("/feedback/score").asInt()).isEqualTo(score);
			assertThat(send("POST", "/contacts/" + id + "/feedback", "{\"score\": 1}").statusCode()).isEqualTo(409);
		}
		String open = logContact(contact());
		assertThat(send("POST", "/contacts/" + open + "/feedback", "{\"score\": 3}").statusCode()).isEqualTo(409);
		assertThat(send("POST", "/contacts/" + open + "/feedback", "{\"score\": 6}").statusCode()).isEqualTo(400);

		JsonNode report = json(get("/reports/feedback?from=" + from + "&to=" + this.clock.instant().plusSeconds(1)));

		assertThat(report.get("count").asInt()).isEqualTo(2);
		assertThat(report.get("averageScore").asDouble()).isEqualTo(4.5);
		assertThat(report.at("/byScore/5").asInt()).isOne();
		assertThat(report.toString()).doesNotContain("Helpful");
		assertThat(get("/reports/feedback?from=" + from + "&to=" + from).statusCode()).isEqualTo(400);
	}

	@Test
	void theApiDocumentationDescribesTheNewOperationsAndTheirProblems() {
		JsonNode paths = json(get("/v3/api-docs")).get("paths");

		assertThat(paths.propertyNames()).contains("/contacts/{id}/holding-reply", "/contacts/{id}/information-request",
				"/contacts/{id}/information-received", "/contacts/{id}/resolution",
				"/contacts/{id}/resolution-at-first-contact", "/contacts/{id}/reassignment",
				"/contacts/{id}/complaint-escalation", "/contacts/{id}/feedback", "/contacts/{id}/audit",
				"/customers/{customerId}/personal-data", "/reports/feedback", "/answerphone/checks");
		assertThat(paths.at("/~1contacts/get/description").asString()).contains("sla-service", "breached");
		assertThat(paths.at("/~1contacts/post/responses").propertyNames()).contains("201", "400", "422");
		assertThat(paths.at("/~1contacts~1{id}~1response/post/responses/412/content/application~1problem+json/examples")
			.propertyNames()).contains("stale");
		assertThat(paths.at("/~1contacts~1{id}~1holding-reply/post/requestBody/content/application~1json/examples")
			.propertyNames()).contains("awaiting provider");
	}

}
