package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running complaints service, driven over HTTP as staff clients drive it, with
 * intake's and sla-service's events published by plain producers and its own read back
 * from Kafka. Time stands still at {@link VirtualTimeConfiguration#START} unless a test
 * moves it. Each test uses its own handler id or period, so they do not see each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(VirtualTimeConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class ComplaintScenarios {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration WITHIN = Duration.ofSeconds(20);

	static final String NAME = "Alexandra Quill-Example";

	static final String EMAIL = "alexandra.quill@example.org";

	static final String PHONE = "+44 23 9288 7766";

	static final String ADDRESS = "17 Lavender Row, Southsea";

	static final String SUMMARY = "Promised call back about my mother's care home never came";

	static final String ACTIONS = "Call-back log reviewed with the team";

	static final String LESSONS = "Check the call-back log every morning";

	static final String EXTENSION_REASON = "Waiting for the call recordings";

	static final String ESCALATION_REASON = "The apology did not address my mother's situation";

	static final List<String> PERSONAL = List.of(NAME, EMAIL, PHONE, ADDRESS, SUMMARY, ACTIONS, LESSONS,
			EXTENSION_REASON, ESCALATION_REASON, "Southsea", "Quill");

	@Value("${local.server.port}")
	int port;

	@Autowired
	VirtualClock clock;

	@Autowired
	Environment environment;

	@Autowired
	MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	private EventPublisher contactEvents;

	private EventPublisher slaEvents;

	@BeforeEach
	void connect() {
		this.contactEvents = new EventPublisher(brokers(), Topics.CONTACTS, "/intake-service");
		this.slaEvents = new EventPublisher(brokers(), Topics.SLA, "/sla-service");
	}

	@AfterEach
	void disconnect() {
		this.contactEvents.close();
		this.slaEvents.close();
	}

	@Test
	void aComplaintAboutUsGoesThroughTheWholeProcedureAndOnlyFactsArePublished(CapturedOutput output) {
		String id = create(newComplaint("ABOUT_US", "jo"), "X-Staff-Id", "jo");

		assertThat(step(id, "acknowledgement", null).get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(step(id, "investigation", null).get("state").asString()).isEqualTo("INVESTIGATING");
		JsonNode extended = step(id, "extension",
				"{\"newResponseDate\": \"2027-01-15\", \"reason\": \"" + EXTENSION_REASON + "\"}");
		assertThat(extended.get("state").asString()).isEqualTo("INVESTIGATING");
		assertThat(extended.at("/extensions/0/newDueDate").asString()).isEqualTo("2027-01-15");
		JsonNode responded = step(id, "response",
				"{\"outcome\": \"PARTLY_UPHELD\", \"apologyGiven\": true, \"respondedAt\": \"%s\"}"
					.formatted(this.clock.instant()));
		assertThat(responded.get("state").asString()).isEqualTo("RESPONDED");
		assertThat(responded.get("apologyGivenAt").asString()).isEqualTo(this.clock.instant().toString());
		step(id, "lessons", "{\"actions\": \"" + ACTIONS + "\", \"lessonsLearned\": \"" + LESSONS + "\"}");
		assertThat(step(id, "closure", null).get("state").asString()).isEqualTo("CLOSED");
		JsonNode escalated = step(id, "escalation", "{\"reason\": \"" + ESCALATION_REASON + "\"}");
		assertThat(escalated.get("state").asString()).isEqualTo("ESCALATED");
		assertThat(escalated.at("/escalations/0/stage").asString()).isEqualTo("BOARD");
		JsonNode answered = step(id, "escalation-response", "{\"outcome\": \"NOT_UPHELD\"}");
		assertThat(answered.get("state").asString()).isEqualTo("RESPONDED");
		assertThat(answered.at("/escalations/0/outcome").asString()).isEqualTo("NOT_UPHELD");
		assertThat(answered.get("lessonsLearned").asString()).isEqualTo(LESSONS);
		assertThat(answered.at("/complainant/name").asString()).isEqualTo(NAME);

		List<Received> published = publishedFor(id, "complaint.escalation-responded.v1");
		assertThat(published).extracting(Received::type)
			.containsExactly("complaint.received.v1", "complaint.acknowledged.v1", "complaint.investigation-started.v1",
					"complaint.extension-agreed.v1", "complaint.responded.v1", "complaint.closed.v1",
					"complaint.escalated.v1", "complaint.escalation-responded.v1");
		for (Received event : published) {
			assertThat(EventSchemas.violations(event.type(), event.payload())).as(event.type()).isEmpty();
			assertThat(event.json()).as(event.type()).doesNotContain(PERSONAL);
		}
		assertThat(published.get(0).json()).contains("\"needsSummary\":\"large print; interpreter: Polish\"");
		assertThat(output.getAll()).doesNotContain(PERSONAL);

		JsonNode history = json(get("/complaints/" + id + "/history"));
		assertThat(history).extracting((entry) -> entry.get("action").asString())
			.containsExactly("RECEIVED", "ACKNOWLEDGED", "INVESTIGATION_STARTED", "EXTENSION_AGREED", "RESPONDED",
					"LESSONS_RECORDED", "CLOSED", "ESCALATED", "ESCALATION_RESPONDED");
		assertThat(history.toString()).doesNotContain(PERSONAL);
	}

	@Test
	void aComplaintAboutAProviderIsSignpostedAndClosed() {
		String id = create(newComplaint("ABOUT_PROVIDER", "sign"));

		assertThat(post("/complaints/" + id + "/acknowledgement", null).statusCode()).isEqualTo(409);
		JsonNode signposted = step(id, "signposting",
				"{\"signpostedTo\": \"PALS\", \"organisation\": \"Queen Alexandra Hospital PALS\", \"consentToShare\": true}");

		assertThat(signposted.get("state").asString()).isEqualTo("SIGNPOSTED");
		assertThat(signposted.at("/signposting/organisation").asString()).isEqualTo("Queen Alexandra Hospital PALS");
		assertThat(signposted.get("closedAt").asString()).isEqualTo(this.clock.instant().toString());
		Received event = publishedFor(id, "complaint.signposted.v1").getLast();
		assertThat(EventSchemas.violations(event.type(), event.payload())).isEmpty();
		assertThat(event.json()).contains("\"signpostedTo\":\"PALS\"", "\"consentToShare\":true")
			.doesNotContain("Queen Alexandra");
	}

	@Test
	void aComplaintCanBeHandedOverAndWithdrawn() {
		Counter received = this.meters.counter("charter.complaints.received", "kind", "ABOUT_US");
		Counter withdrawals = this.meters.counter("charter.complaints.transitions", "action", "WITHDRAWN");
		double receivedBefore = received.count();
		double withdrawalsBefore = withdrawals.count();
		String id = create(newComplaint("ABOUT_US", "handover"));
		assertThat(received.count()).isEqualTo(receivedBefore + 1);

		assertThat(step(id, "reassignment", "{\"handlerId\": \"sam.k\"}").get("handlerId").asString())
			.isEqualTo("sam.k");
		assertThat(step(id, "withdrawal", null).get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawals.count()).isEqualTo(withdrawalsBefore + 1);
		assertThat(post("/complaints/" + id + "/reassignment", "{\"handlerId\": \"jo\"}").statusCode()).isEqualTo(409);
		assertThat(post("/complaints/" + id + "/reassignment", "{\"handlerId\": \"Not A Staff Id\"}").body())
			.contains("handlerId");

		List<Received> published = publishedFor(id, "complaint.withdrawn.v1");
		assertThat(published).extracting(Received::type)
			.containsExactly("complaint.received.v1", "complaint.reassigned.v1", "complaint.withdrawn.v1");
		for (Received event : published) {
			assertThat(EventSchemas.violations(event.type(), event.payload())).as(event.type()).isEmpty();
		}
		assertThat(published.get(1).json()).contains("\"previousHandlerId\":\"handover\"", "\"handlerId\":\"sam.k\"");
	}

	@Test
	void aContactEscalatedToAComplaintBecomesOneComplaintThoughDeliveredTwice() {
		String contactId = UUID.randomUUID().toString();
		Instant escalatedAt = this.clock.instant().minusSeconds(300);
		ContactEscalatedToComplaint escalated = new ContactEscalatedToComplaint(
				EventIds.of(contactId, "escalated-to-complaint"), escalatedAt, contactId, escalatedAt, "sam.k",
				"customer-42", "PHONE", "PUBLIC");
		this.contactEvents.publish(escalated);
		this.contactEvents.publish(escalated);
		String id = EventIds.of("complaint", contactId);

		JsonNode complaint = awaitComplaint(id, (view) -> true);

		assertThat(complaint.get("kind").asString()).isEqualTo("ABOUT_US");
		assertThat(complaint.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(complaint.get("channel").asString()).isEqualTo("PHONE");
		assertThat(complaint.get("handlerId").asString()).isEqualTo("sam.k");
		assertThat(complaint.get("originContactId").asString()).isEqualTo(contactId);
		assertThat(complaint.get("receivedAt").asString()).isEqualTo(escalatedAt.toString());
		assertThat(complaint.get("complainant").isNull()).isTrue();
		try (TopicReader topic = new TopicReader(brokers(), Topics.COMPLAINTS)) {
			topic.await((record) -> id.equals(record.key()), WITHIN);
			assertThat(topic.drain(Duration.ofSeconds(2)).stream().filter((record) -> id.equals(record.key())))
				.extracting(Received::type)
				.containsExactly("complaint.received.v1");
		}
		assertThat(json(get("/complaints/" + id + "/history"))).hasSize(1);
		assertThat(step(id, "classification", "{\"kind\": \"ABOUT_PROVIDER\"}").get("kind").asString())
			.isEqualTo("ABOUT_PROVIDER");
	}

	@Test
	void aMalformedContactEventGoesToTheDeadLetterTopicAndTheNextIsStillProcessed() {
		String broken = UUID.randomUUID().toString();
		String contactId = UUID.randomUUID().toString();
		this.contactEvents.publishRaw(broken, "contact.escalated-to-complaint.v1", "{ not json");
		// a contact event type this service does not know is none of its business
		this.contactEvents.publishRaw(contactId, "contact.added-in-a-later-release.v1", "{\"anything\": 1}");
		Instant at = this.clock.instant();
		this.contactEvents.publish(new ContactEscalatedToComplaint(EventIds.of(contactId, "escalated-to-complaint"), at,
				contactId, at, null, "customer-7", "EMAIL", null));

		JsonNode complaint = awaitComplaint(EventIds.of("complaint", contactId), (view) -> true);

		assertThat(complaint.get("handlerId").asString()).isEqualTo("complaints-lead");
		try (TopicReader deadLetters = new TopicReader(brokers(),
				Topics.deadLetter(Topics.CONTACTS, "complaints-service"))) {
			Received dead = deadLetters.await((record) -> broken.equals(record.key()), WITHIN);
			assertThat(dead.type()).isEqualTo("contact.escalated-to-complaint.v1");
			assertThat(deadLetters.drain(Duration.ofSeconds(1))).extracting(Received::key).doesNotContain(contactId);
		}
	}

	@Test
	void respondingToAClosedComplaintAndAcknowledgingTwiceAreConflicts() {
		String id = create(newComplaint("ABOUT_US", "conflicts"));
		step(id, "acknowledgement", null);

		HttpResponse<String> twice = post("/complaints/" + id + "/acknowledgement", null);

		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(twice).get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(json(twice).get("action").asString()).isEqualTo("acknowledge");
		assertThat(json(twice).get("type").asString()).endsWith("/invalid-transition");

		step(id, "response", "{\"outcome\": \"UPHELD\", \"apologyGiven\": false}");
		step(id, "closure", null);
		HttpResponse<String> late = post("/complaints/" + id + "/response",
				"{\"outcome\": \"UPHELD\", \"apologyGiven\": true}");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(json(late).get("state").asString()).isEqualTo("CLOSED");
		assertThat(json(late).get("action").asString()).isEqualTo("respond");
	}

	@Test
	void aResponseWithoutAnOutcomeNamesTheField() {
		String id = create(newComplaint("ABOUT_US", "fields"));
		step(id, "acknowledgement", null);

		HttpResponse<String> response = post("/complaints/" + id + "/response", "{\"apologyGiven\": true}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("outcome");
		assertThat(post("/complaints", "{\"kind\": \"ABOUT_US\"}").body()).contains("channel", "summary",
				"complainant");
		assertThat(get("/complaints/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() {
		String id = create(newComplaint("ABOUT_US", "etags"));
		HttpResponse<String> read = get("/complaints/" + id);
		assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
		step(id, "acknowledgement", null);

		HttpResponse<String> stale = send("POST", "/complaints/" + id + "/investigation", null, "If-Match", "\"0\"");
		HttpResponse<String> current = send("POST", "/complaints/" + id + "/investigation", null, "If-Match", "\"1\"");

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(json(stale).at("/errors/0/field").asString()).isEqualTo("If-Match");
		assertThat(current.statusCode()).isEqualTo(200);
		assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");
	}

	@Test
	void creationIsIdempotentPerKey() {
		String key = "retry-" + UUID.randomUUID();
		String body = newComplaint("ABOUT_US", "idem");

		HttpResponse<String> first = send("POST", "/complaints", body, "Idempotency-Key", key);
		HttpResponse<String> again = send("POST", "/complaints", body, "Idempotency-Key", key);
		HttpResponse<String> other = send("POST", "/complaints", newComplaint("ABOUT_PROVIDER", "idem"),
				"Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(json(get("/complaints?handlerId=idem")).get("total").asLong()).isEqualTo(1);
		assertThat(json(get("/complaints?handlerId=idem")).at("/items/0/complainant").isMissingNode()).isTrue();
	}

	@Test
	void deadlinesFollowSlaServicesClocksEvenWhenTheyArriveFirst() {
		String key = "deadlines-" + UUID.randomUUID();
		String id = EventIds.of("idempotency-key", key);
		String clockId = EventIds.of(id, "COMPLAINT_ACKNOWLEDGEMENT");
		Instant now = this.clock.instant();
		Instant due = Instant.parse("2026-12-01T17:00:00Z");
		Instant moved = Instant.parse("2026-12-02T17:00:00Z");
		// sla-service may start the clock before this service has stored the complaint
		this.slaEvents.publish(new ClockStarted(EventIds.of(clockId, "started"), now, clockId, id,
				"COMPLAINT_ACKNOWLEDGEMENT", "jo", now, due, null));
		this.slaEvents.publish(new ClockStarted(EventIds.of("email-clock", id), now, EventIds.of("email-clock", id), id,
				"EMAIL", "jo", now, due, null));
		send("POST", "/complaints", newComplaint("ABOUT_US", "deadlines"), "Idempotency-Key", key);

		awaitComplaint(id, (view) -> view.get("deadlines").size() == 1);
		this.slaEvents.publish(new DeadlineChanged(EventIds.of(clockId, "changed"), now, clockId, id,
				"COMPLAINT_ACKNOWLEDGEMENT", "jo", due, moved, "Bank holiday added: 2026-12-01 (test)"));
		JsonNode changed = awaitComplaint(id,
				(view) -> moved.toString().equals(view.at("/deadlines/0/dueAt").asString()));
		assertThat(changed.at("/deadlines/0/state").asString()).isEqualTo("RUNNING");

		Met met = new Met(EventIds.of(clockId, "met"), now, clockId, id, "COMPLAINT_ACKNOWLEDGEMENT", "jo", moved, now);
		this.slaEvents.publish(met);
		this.slaEvents.publish(met);
		JsonNode view = awaitComplaint(id, (v) -> "MET".equals(v.at("/deadlines/0/state").asString()));

		assertThat(view.get("deadlines")).hasSize(1);
		assertThat(view.at("/deadlines/0/standard").asString()).isEqualTo("COMPLAINT_ACKNOWLEDGEMENT");
		assertThat(view.at("/deadlines/0/dueAt").asString()).isEqualTo(moved.toString());
		assertThat(view.at("/deadlines/0/stage").isNull()).isTrue();
	}

	@Test
	void theSummaryCountsTheComplaintsOfThePeriodAsJsonAndCsv() {
		// a period of its own, so other scenarios' complaints stay out of it
		String aboutUs = create(newComplaint("ABOUT_US", "report", "2025-03-04T10:00:00Z"));
		String aboutProvider = create(newComplaint("ABOUT_PROVIDER", "report", "2025-03-05T10:00:00Z"));
		create(newComplaint("ABOUT_US", "report", "2025-03-10T10:00:00Z"));
		step(aboutUs, "acknowledgement", "{\"acknowledgedAt\": \"2025-03-05T09:00:00Z\"}");
		step(aboutUs, "response", "{\"outcome\": \"UPHELD\", \"apologyGiven\": true}");
		step(aboutProvider, "signposting", "{\"signpostedTo\": \"PALS\", \"consentToShare\": false}");

		JsonNode summary = json(get("/complaints/summary?from=2025-03-03&to=2025-03-09"));

		assertThat(summary.get("total").asLong()).isEqualTo(2);
		assertThat(summary.at("/byKind/ABOUT_US").asLong()).isEqualTo(1);
		assertThat(summary.at("/byState/RESPONDED").asLong()).isEqualTo(1);
		assertThat(summary.at("/byOutcome/UPHELD").asLong()).isEqualTo(1);
		assertThat(summary.at("/apologyGiven/yes").asLong()).isEqualTo(1);
		assertThat(summary.at("/signpostedByDestination/PALS").asLong()).isEqualTo(1);
		assertThat(summary.at("/responded/pending").asLong()).isZero();

		HttpResponse<String> csv = send("GET", "/complaints/summary?from=2025-03-03&to=2025-03-09", null, "Accept",
				"text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("measure,key,count\r\ntotal,,2\r\n")
			.contains("kind,ABOUT_PROVIDER,1\r\n", "signposted,PALS,1\r\n");

		HttpResponse<String> bad = get("/complaints/summary?from=2025-13-01&to=2025-03-09");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).at("/errors/0/field").asString()).isEqualTo("from");
		assertThat(json(get("/complaints/summary?from=2025-03-09&to=2025-03-03")).at("/errors/0/field").asString())
			.isEqualTo("from");
		assertThat(json(get("/complaints/summary?from=2025-03-09")).at("/errors/0/field").asString()).isEqualTo("to");
	}

	String newComplaint(String kind, String handlerId) {
		return newComplaint(kind, handlerId, this.clock.instant().minusSeconds(3600).toString());
	}

	String newComplaint(String kind, String handlerId, String receivedAt) {
		return """
				{
				  "kind": "%s",
				  "channel": "EMAIL",
				  "receivedAt": "%s",
				  "handlerId": "%s",
				  "summary": "%s",
				  "complainant": {
				    "name": "%s", "email": "%s", "phone": "%s", "address": "%s",
				    "customerType": "PATIENT", "largePrint": true, "interpreterLanguage": "Polish"
				  }
				}""".formatted(kind, receivedAt, handlerId, SUMMARY, NAME, EMAIL, PHONE, ADDRESS);
	}

	String create(String body, String... headers) {
		HttpResponse<String> created = send("POST", "/complaints", body, headers);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).isPresent();
		return json(created).get("id").asString();
	}

	/** Takes a step that must succeed, and answers the complaint after it. */
	JsonNode step(String id, String step, String body) {
		HttpResponse<String> response = send("POST", "/complaints/" + id + "/" + step, body, "X-Staff-Id", "jo");
		assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
		return json(response);
	}

	JsonNode awaitComplaint(String id, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + WITHIN.toNanos();
		HttpResponse<String> last = null;
		while (System.nanoTime() < deadline) {
			last = get("/complaints/" + id);
			if (last.statusCode() == 200 && condition.test(json(last))) {
				return json(last);
			}
			pause();
		}
		throw new AssertionError("Complaint " + id + " not as expected within " + WITHIN + ": "
				+ ((last != null) ? last.body() : "never read"));
	}

	/** The complaint's events in published order, once the one named has arrived. */
	List<Received> publishedFor(String id, String lastType) {
		try (TopicReader topic = new TopicReader(brokers(), Topics.COMPLAINTS)) {
			topic.await((record) -> id.equals(record.key()) && lastType.equals(record.type()), WITHIN);
			return topic.drain(Duration.ZERO).stream().filter((record) -> id.equals(record.key())).toList();
		}
	}

	HttpResponse<String> post(String path, String body) {
		return send("POST", path, body);
	}

	HttpResponse<String> get(String path) {
		return send("GET", path, null);
	}

	HttpResponse<String> send(String method, String path, String body, String... headers) {
		// sam for the summary report (manager work), jo for the rest (staff work)
		LocalUsers.User user = path.startsWith("/complaints/summary") ? LocalUsers.SAM : LocalUsers.JO;
		HttpRequest.Builder request = user
			.signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	String brokers() {
		return this.environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers");
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
