package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.localstack.MailCatcher.ReceivedMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a newcomer runs it: a real Kafka broker process, the Mongo wire
 * server, an SMTP server and the four services as separate processes from their jars,
 * under the local profile with the shared virtual clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CharterEndToEndTest {

	private static final String JO = "jo@charter.local";

	private static final String SAM = "sam@charter.local";

	private static final String POISON_KEY = "poison-1";

	/** Metric names as the alert rules and the dashboard write them. */
	private static final Pattern METRIC_NAME = Pattern
		.compile("\\b(?:charter|sla|resilience4j|spring_cloud_stream|kafka)_[a-z0-9_]+\\b");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Personal data that must never leave intake-service. */
	private static final List<String> PERSONAL_DATA = List.of("Margaret Quillfeather",
			"margaret.quillfeather@example.org", "07700 900123", "Wheelchair access at St Mary's clinic");

	/** Personal data that must never leave complaints-service. */
	private static final List<String> COMPLAINANT_DATA = List.of("Bartholomew Inkwright", "b.inkwright@example.net",
			"23 Gunwharf Quays", "The receptionist was rude about my hearing aid");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path data;

	private LocalStack stack;

	private RecordedTopic topics;

	@BeforeAll
	void startTheWholeSystem() {
		Path repository = Path.of("").toAbsolutePath().getParent();
		this.stack = LocalStack.startInfrastructure(repository, data, StackPorts.free());
		this.stack.startServices(List.of(ServiceName.values()));
		this.topics = new RecordedTopic(this.stack.kafkaBootstrap(),
				List.of("charter.contact-events", "charter.sla-events", "charter.complaint-events"));
	}

	@AfterAll
	void stopTheSystem() {
		if (this.topics != null) {
			this.topics.close();
		}
		if (this.stack != null) {
			this.stack.close();
		}
	}

	@Test
	@Order(1)
	void anEmailContactIsRemindedAndThenBreachedByEmailToItsAssignee() throws Exception {
		String contactId = logEmailContact();
		JsonNode clock = awaitClock(contactId);
		assertThat(clock.get("state").asString()).isEqualTo("RUNNING");
		Instant reminderAt = Instant.parse(clock.get("reminderAt").asString());
		Instant dueAt = Instant.parse(clock.get("dueAt").asString());
		assertThat(reminderAt).isBefore(dueAt);

		advanceClockTo(reminderAt.plusSeconds(1));
		ReceivedMail reminder = awaitMail(contactId, "Reminder");
		assertThat(reminder.to()).containsExactly(JO);
		assertThat(reminder.subject()).contains(contactId);
		assertThat(mailsAbout(contactId)).noneMatch((mail) -> mail.subject().contains("breached"));

		advanceClockTo(dueAt.plusSeconds(1));
		ReceivedMail breach = awaitMail(contactId, "breached");
		assertThat(breach.to()).containsExactly(JO);
		assertThat(breach.cc()).containsExactly(SAM);
		assertThat(breach.subject()).contains(contactId);
		assertThat(awaitClock(contactId).get("state").asString()).isEqualTo("BREACHED");
	}

	@Test
	@Order(2)
	void aContactAnsweredInTimeIsMetAndNeverBreached() throws Exception {
		String contactId = logEmailContact();
		JsonNode clock = awaitClock(contactId);
		Instant dueAt = Instant.parse(clock.get("dueAt").asString());

		HttpResponse<String> responded = post(ServiceName.INTAKE, "/contacts/" + contactId + "/response",
				"{\"respondedBy\":\"jo\"}");
		assertThat(responded.statusCode()).isEqualTo(200);

		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> this.topics.poll()
				.stream()
				.anyMatch((seen) -> "sla.met.v1".equals(seen.type()) && contactId.equals(seen.key())));
		advanceClockTo(dueAt.plusSeconds(60));
		Thread.sleep(3000);
		assertThat(awaitClock(contactId).get("state").asString()).isEqualTo("MET");
		assertThat(this.topics.poll())
			.noneMatch((seen) -> "sla.breached.v1".equals(seen.type()) && contactId.equals(seen.key()));
		assertThat(mailsAbout(contactId)).isEmpty();
	}

	@Test
	@Order(3)
	void pendingTimersFireOnceAfterTheSlaServiceIsKilledAndRestarted() throws Exception {
		String contactId = logEmailContact();
		JsonNode clock = awaitClock(contactId);
		Instant dueAt = Instant.parse(clock.get("dueAt").asString());
		Duration offset = Duration.parse(get(ServiceName.SLA, "/admin/clock").get("offset").asString());
		Instant virtualNow = Instant.parse(get(ServiceName.SLA, "/admin/clock").get("now").asString());

		this.stack.kill(ServiceName.SLA);
		// While sla-service is down, time passes to the next working morning: the
		// reminder, the breach and the
		// first morning's escalation are all overdue when it restarts, and the office is
		// open so none is held.
		Instant nextMorning = WorkingCalendar.englandAndWales()
			.nextOpening(dueAt.plusSeconds(60))
			.plus(Duration.ofMinutes(30));
		shareClockOffset(offset.plus(Duration.between(virtualNow, nextMorning)));
		this.stack.startServices(List.of(ServiceName.SLA));

		awaitMail(contactId, "Reminder");
		awaitMail(contactId, "breached");
		awaitMail(contactId, "Still unanswered");
		Thread.sleep(5000);
		assertThat(mailsAbout(contactId)).extracting(ReceivedMail::subject)
			.satisfiesExactlyInAnyOrder((subject) -> assertThat(subject).startsWith("Reminder"),
					(subject) -> assertThat(subject).contains("breached"),
					(subject) -> assertThat(subject).startsWith("Still unanswered"));
		// Publishing is at least once; a copy carries the same event id and consumers
		// drop it.
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> distinctEventTypesAbout(contactId), (types) -> types.contains("sla.breached.v1"));
		assertThat(distinctEventTypesAbout(contactId)).containsExactlyInAnyOrder("contact.received.v1",
				"sla.clock-started.v1", "sla.reminder-due.v1", "sla.breached.v1", "sla.escalated.v1");
	}

	@Test
	@Order(4)
	void noPersonalDataLeavesIntakeInEventsOrLogsAndEveryEventMatchesItsSchema() throws IOException {
		List<RecordedTopic.Seen> events = this.topics.poll();
		assertThat(events).extracting(RecordedTopic.Seen::type)
			.contains("contact.received.v1", "contact.responded.v1", "sla.clock-started.v1", "sla.reminder-due.v1",
					"sla.breached.v1", "sla.met.v1");
		for (RecordedTopic.Seen event : events) {
			assertThat(EventSchemas.violations(event.type(), event.payload().getBytes(StandardCharsets.UTF_8)))
				.as(event.type() + " " + event.payload())
				.isEmpty();
			for (String personal : PERSONAL_DATA) {
				assertThat(event.payload() + event.headers()).doesNotContainIgnoringCase(personal);
			}
		}
		for (ReceivedMail mail : this.stack.mail().messages()) {
			for (String personal : PERSONAL_DATA) {
				assertThat(mail.subject() + mail.text() + mail.html()).doesNotContainIgnoringCase(personal);
			}
		}
		try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
			for (Path log : logs.toList()) {
				String text = Files.readString(log);
				for (String personal : PERSONAL_DATA) {
					assertThat(text).as(log.getFileName().toString()).doesNotContainIgnoringCase(personal);
				}
			}
		}
	}

	@Test
	@Order(5)
	void aMalformedRecordIsParkedInTheDeadLetterTopicWithoutStallingAndCanBeReplayed() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrap()), new StringSerializer(),
				new StringSerializer())) {
			ProducerRecord<String, String> poison = new ProducerRecord<>("charter.contact-events", POISON_KEY,
					"{ this is not an event");
			poison.headers().add("ce_type", "contact.received.v1".getBytes(StandardCharsets.UTF_8));
			poison.headers().add("ce_id", "poison-event-1".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get(10, TimeUnit.SECONDS);
		}
		String deadLetters = "charter.contact-events.dlq.sla-service";
		try (RecordedTopic parked = new RecordedTopic(this.stack.kafkaBootstrap(), List.of(deadLetters))) {
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> parked.poll().stream().anyMatch((seen) -> POISON_KEY.equals(seen.key())));
		}

		String contactId = logEmailContact();
		assertThat(awaitClock(contactId).get("state").asString()).as("the consumer is not stalled")
			.isEqualTo("RUNNING");

		int replayed = ReplayDeadLetters.replay(this.stack.kafkaBootstrap(), deadLetters, "e2e.replayed",
				Duration.ofSeconds(3));
		assertThat(replayed).isGreaterThanOrEqualTo(1);
		try (RecordedTopic replayTarget = new RecordedTopic(this.stack.kafkaBootstrap(), List.of("e2e.replayed"))) {
			RecordedTopic.Seen copy = await().atMost(30, TimeUnit.SECONDS)
				.until(() -> replayTarget.poll()
					.stream()
					.filter((seen) -> POISON_KEY.equals(seen.key()))
					.findFirst()
					.orElse(null), (seen) -> seen != null);
			assertThat(copy.type()).isEqualTo("contact.received.v1");
			assertThat(copy.eventId()).isEqualTo("poison-event-1");
			assertThat(copy.headers()).doesNotContain("x-exception");
		}
		assertThat(ReplayDeadLetters.replay(this.stack.kafkaBootstrap(), deadLetters, "e2e.replayed",
				Duration.ofSeconds(2)))
			.as("a second run replays nothing again")
			.isZero();
	}

	@Test
	@Order(6)
	void aContactAcceptedDuringAKafkaOutageIsPublishedOnceKafkaIsBack() throws Exception {
		this.stack.stopKafka();
		String contactId;
		try {
			contactId = logEmailContact();
			HttpResponse<String> stored = this.http.send(signedIn(
					HttpRequest.newBuilder(URI.create(this.stack.uri(ServiceName.INTAKE) + "/contacts/" + contactId)),
					"/contacts")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(stored.statusCode()).as("accepted and stored while Kafka is down").isEqualTo(200);
		}
		finally {
			this.stack.startKafka();
		}

		JsonNode clock = await().atMost(90, TimeUnit.SECONDS).until(() -> {
			JsonNode clocks = get(ServiceName.SLA, "/clocks?contactId=" + contactId);
			return (clocks.isArray() && !clocks.isEmpty()) ? clocks.get(0) : null;
		}, (found) -> found != null);
		assertThat(clock.get("state").asString()).isEqualTo("RUNNING");
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> distinctEventTypesAbout(contactId), (types) -> types.contains("sla.clock-started.v1"));
		assertThat(distinctEventTypesAbout(contactId)).containsExactlyInAnyOrder("contact.received.v1",
				"sla.clock-started.v1");
	}

	@Test
	@Order(7)
	void aComplaintFollowsTheProcedureThroughKafkaAndAnAgreedExtensionMovesTheDeadline() throws Exception {
		String complaintId = fileComplaint("ABOUT_US");
		JsonNode acknowledgement = awaitComplaintClock(complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "RUNNING");
		assertThat(acknowledgement.get("explanation").get("workingDaysCounted")).hasSize(5);
		ReceivedMail assigned = awaitMail(complaintId, "New complaint");
		assertThat(assigned.to()).containsExactly(JO);

		assertThat(complaintStep(complaintId, "acknowledgement", "{}").statusCode()).isEqualTo(200);
		awaitComplaintClock(complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "MET");
		JsonNode response = awaitComplaintClock(complaintId, "COMPLAINT_RESPONSE", "RUNNING");
		Instant firstDue = Instant.parse(response.get("dueAt").asString());
		assertThat(response.get("explanation").get("workingDaysCounted")).hasSize(20);
		assertThat(complaintStep(complaintId, "investigation", "{}").statusCode()).isEqualTo(200);

		LocalDate agreed = firstDue.atZone(LONDON).toLocalDate().plusWeeks(2);
		HttpResponse<String> extended = complaintStep(complaintId, "extension",
				"{\"newResponseDate\":\"%s\",\"reason\":\"%s\"}".formatted(agreed, COMPLAINANT_DATA.get(3)));
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
		JsonNode moved = await().atMost(30, TimeUnit.SECONDS)
			.until(() -> complaintClock(complaintId, "COMPLAINT_RESPONSE"),
					(clock) -> clock != null && !Instant.parse(clock.get("dueAt").asString()).equals(firstDue));
		Instant newDue = Instant.parse(moved.get("dueAt").asString());
		assertThat(newDue.atZone(LONDON).toLocalDate()).isEqualTo(agreed);
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> get(ServiceName.COMPLAINTS, "/complaints/" + complaintId).get("deadlines").toString(),
					(deadlines) -> deadlines.contains(newDue.toString()));

		// Past the old deadline, into the next working morning so non-urgent mail is not
		// held.
		advanceClockTo(
				WorkingCalendar.englandAndWales().nextOpening(firstDue.plusSeconds(60)).plus(Duration.ofMinutes(30)));
		Thread.sleep(3000);
		assertThat(complaintClock(complaintId, "COMPLAINT_RESPONSE").get("state").asString())
			.as("the old deadline no longer counts")
			.isEqualTo("RUNNING");
		assertThat(distinctEventTypesAbout(complaintId)).doesNotContain("sla.breached.v1");

		HttpResponse<String> responded = complaintStep(complaintId, "response",
				"{\"outcome\":\"PARTLY_UPHELD\",\"apologyGiven\":true}");
		assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
		awaitComplaintClock(complaintId, "COMPLAINT_RESPONSE", "MET");
		assertThat(complaintStep(complaintId, "lessons",
				"{\"actions\":\"Deaf awareness training\",\"lessonsLearned\":\"Offer a loop\"}")
			.statusCode()).isEqualTo(200);
		assertThat(complaintStep(complaintId, "closure", "{}").statusCode()).isEqualTo(200);

		HttpResponse<String> escalated = complaintStep(complaintId, "escalation", "{}");
		assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
		assertThat(this.json.readTree(escalated.body()).get("state").asString()).isEqualTo("ESCALATED");
		awaitComplaintClock(complaintId, "COMPLAINT_ESCALATION", "RUNNING");
		ReceivedMail stage = awaitMail(complaintId, "Complaint escalated");
		assertThat(stage.to()).containsExactly(JO);
		assertThat(stage.cc()).containsExactly(SAM);
		assertThat(complaintStep(complaintId, "escalation-response", "{\"outcome\":\"NOT_UPHELD\"}").statusCode())
			.isEqualTo(200);
		awaitComplaintClock(complaintId, "COMPLAINT_ESCALATION", "MET");
		assertThat(complaintStep(complaintId, "closure", "{}").statusCode()).isEqualTo(200);

		HttpResponse<String> refused = complaintStep(complaintId, "response",
				"{\"outcome\":\"UPHELD\",\"apologyGiven\":true}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		List<String> expected = List.of("complaint.received.v1", "complaint.acknowledged.v1",
				"complaint.investigation-started.v1", "complaint.extension-agreed.v1", "complaint.responded.v1",
				"complaint.closed.v1", "complaint.escalated.v1", "complaint.escalation-responded.v1",
				"sla.clock-started.v1", "sla.deadline-changed.v1", "sla.met.v1");
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> distinctEventTypesAbout(complaintId), (types) -> types.containsAll(expected));
	}

	@Test
	@Order(8)
	void aComplaintNotAcknowledgedInTimeReachesTheManagerByEmail() throws Exception {
		String complaintId = fileComplaint("ABOUT_US");
		JsonNode acknowledgement = awaitComplaintClock(complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "RUNNING");

		advanceClockTo(Instant.parse(acknowledgement.get("dueAt").asString()).plusSeconds(1));
		ReceivedMail breach = awaitMail(complaintId, "breached");
		assertThat(breach.to()).containsExactly(JO);
		assertThat(breach.cc()).containsExactly(SAM);
		assertThat(awaitComplaintClock(complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "BREACHED")).isNotNull();
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> get(ServiceName.COMPLAINTS, "/complaints/" + complaintId).get("deadlines").toString(),
					(deadlines) -> deadlines.contains("BREACHED"));
	}

	@Test
	@Order(9)
	void aContactEscalatedToAComplaintIsTakenOverByComplaintsService() throws Exception {
		String contactId = logEmailContact();
		awaitClock(contactId);
		HttpResponse<String> escalated = post(ServiceName.INTAKE, "/contacts/" + contactId + "/complaint-escalation",
				"{}");
		assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);

		String complaintId = EventIds.of("complaint", contactId);
		JsonNode complaint = await().atMost(30, TimeUnit.SECONDS).until(() -> {
			HttpResponse<String> found = this.http.send(signedIn(
					HttpRequest
						.newBuilder(URI.create(this.stack.uri(ServiceName.COMPLAINTS) + "/complaints/" + complaintId)),
					"/complaints")
				.build(), HttpResponse.BodyHandlers.ofString());
			return (found.statusCode() == 200) ? this.json.readTree(found.body()) : null;
		}, (found) -> found != null);
		assertThat(complaint.get("originContactId").asString()).isEqualTo(contactId);
		assertThat(complaint.get("state").asString()).isEqualTo("RECEIVED");
		awaitComplaintClock(complaintId, "COMPLAINT_ACKNOWLEDGEMENT", "RUNNING");
		await().atMost(30, TimeUnit.SECONDS)
			.until(() -> awaitClock(contactId).get("state").asString(), "CANCELLED"::equals);
	}

	@Test
	@Order(10)
	void noComplainantDataLeavesComplaintsServiceInEventsMailOrLogs() throws IOException {
		// The unreadable record of the dead-letter scenario is no event and has no
		// schema.
		List<RecordedTopic.Seen> events = this.topics.poll()
			.stream()
			.filter((seen) -> !POISON_KEY.equals(seen.key()))
			.toList();
		assertThat(events).extracting(RecordedTopic.Seen::type)
			.contains("complaint.received.v1", "complaint.escalated.v1", "sla.deadline-changed.v1");
		for (RecordedTopic.Seen event : events) {
			assertThat(EventSchemas.violations(event.type(), event.payload().getBytes(StandardCharsets.UTF_8)))
				.as(event.type() + " " + event.payload())
				.isEmpty();
			for (String personal : COMPLAINANT_DATA) {
				assertThat(event.payload() + event.headers()).doesNotContainIgnoringCase(personal);
			}
		}
		for (ReceivedMail mail : this.stack.mail().messages()) {
			for (String personal : COMPLAINANT_DATA) {
				assertThat(mail.subject() + mail.text() + mail.html()).doesNotContainIgnoringCase(personal);
			}
		}
		try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
			for (Path log : logs.toList()) {
				String text = Files.readString(log);
				for (String personal : COMPLAINANT_DATA) {
					assertThat(text).as(log.getFileName().toString()).doesNotContainIgnoringCase(personal);
				}
			}
		}
	}

	@Test
	@Order(11)
	void everyMetricTheAlertRulesAndTheDashboardReadIsExportedByAService() throws Exception {
		Path repository = Path.of("").toAbsolutePath().getParent();
		String rules = Files.readString(repository.resolve("ops/prometheus/rules/charter-alerts.yml"));
		String dashboard = Files.readString(repository.resolve("ops/grafana/dashboards/charter.json"));
		Set<String> wanted = new TreeSet<>();
		Matcher names = METRIC_NAME.matcher(rules + dashboard);
		while (names.find()) {
			wanted.add(names.group());
		}
		assertThat(wanted).contains("charter_clocks_breached_total", "charter_outbox_pending");

		StringBuilder scraped = new StringBuilder();
		for (ServiceName service : ServiceName.values()) {
			HttpResponse<String> metrics = this.http
				.send(signedIn(HttpRequest.newBuilder(URI.create(this.stack.uri(service) + "/actuator/prometheus")),
						"/actuator/prometheus")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.statusCode()).as(service + " " + metrics.body()).isEqualTo(200);
			scraped.append(metrics.body());
		}
		Set<String> exported = new TreeSet<>();
		Matcher series = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scraped);
		while (series.find()) {
			exported.add(series.group(1));
		}
		assertThat(exported).as("series the services export").containsAll(wanted);
		assertThat(scraped.toString()).as("no personal data in metric labels")
			.doesNotContainIgnoringCase(PERSONAL_DATA.get(0))
			.doesNotContainIgnoringCase(COMPLAINANT_DATA.get(0));
	}

	private String fileComplaint(String kind) throws Exception {
		HttpResponse<String> created = post(ServiceName.COMPLAINTS, "/complaints", """
				{"kind":"%s","channel":"LETTER","handlerId":"jo","summary":"%s",
				 "complainant":{"name":"%s","email":"%s","address":"%s","largePrint":true}}""".formatted(kind,
				COMPLAINANT_DATA.get(3), COMPLAINANT_DATA.get(0), COMPLAINANT_DATA.get(1), COMPLAINANT_DATA.get(2)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private HttpResponse<String> complaintStep(String complaintId, String step, String body) throws Exception {
		return post(ServiceName.COMPLAINTS, "/complaints/" + complaintId + "/" + step, body);
	}

	private JsonNode complaintClock(String complaintId, String standard) throws Exception {
		JsonNode clocks = get(ServiceName.SLA, "/clocks?contactId=" + complaintId);
		for (JsonNode clock : clocks) {
			if (standard.equals(clock.get("standard").asString())) {
				return clock;
			}
		}
		return null;
	}

	private JsonNode awaitComplaintClock(String complaintId, String standard, String state) {
		return await().atMost(30, TimeUnit.SECONDS)
			.until(() -> complaintClock(complaintId, standard),
					(clock) -> clock != null && state.equals(clock.get("state").asString()));
	}

	private List<String> distinctEventTypesAbout(String contactId) {
		Map<String, String> typeById = new LinkedHashMap<>();
		this.topics.poll()
			.stream()
			.filter((seen) -> contactId.equals(seen.key()))
			.forEach((seen) -> typeById.put(seen.eventId(), seen.type()));
		return List.copyOf(typeById.values());
	}

	private String logEmailContact() throws Exception {
		HttpResponse<String> created = post(ServiceName.INTAKE, "/contacts", """
				{"channel":"EMAIL","subject":"%s",
				 "customer":{"name":"%s","email":"%s","phone":"%s"},"assigneeId":"jo"}"""
			.formatted(PERSONAL_DATA.get(3), PERSONAL_DATA.get(0), PERSONAL_DATA.get(1), PERSONAL_DATA.get(2)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = this.json.readTree(created.body()).get("id").asString();
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/contacts/" + id));
		return id;
	}

	private JsonNode awaitClock(String contactId) {
		return await().atMost(30, TimeUnit.SECONDS).until(() -> {
			JsonNode clocks = get(ServiceName.SLA, "/clocks?contactId=" + contactId);
			return (clocks.isArray() && !clocks.isEmpty()) ? clocks.get(0) : null;
		}, (clock) -> clock != null);
	}

	private void advanceClockTo(Instant instant) throws Exception {
		HttpResponse<String> advanced = post(ServiceName.SLA, "/admin/clock/advance?to=" + instant, "");
		assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
	}

	private void shareClockOffset(Duration offset) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrap()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("charter.local-clock", 0, "offset", offset.toString()))
				.get(10, TimeUnit.SECONDS);
		}
	}

	private ReceivedMail awaitMail(String contactId, String subjectFragment) {
		return await().atMost(60, TimeUnit.SECONDS)
			.until(() -> mailsAbout(contactId).stream()
				.filter((mail) -> mail.subject().contains(subjectFragment))
				.findFirst()
				.orElse(null), (mail) -> mail != null);
	}

	/**
	 * Reads received mail through the local stack's HTTP mail API, as a person following
	 * the README would.
	 */
	private List<ReceivedMail> mailsAbout(String contactId) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.stack.ports().mailApi() + "/messages?to=" + JO);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		List<ReceivedMail> mails = List.of(this.json.readValue(response.body(), ReceivedMail[].class));
		return mails.stream().filter((mail) -> mail.subject().contains(contactId)).toList();
	}

	private JsonNode get(ServiceName service, String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				signedIn(HttpRequest.newBuilder(URI.create(this.stack.uri(service) + path)), path).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/**
	 * Signs a request in as a local user (README "Local users and staff"): ops for the
	 * admin endpoints, jo (staff) for everything else the tour does.
	 */
	private static HttpRequest.Builder signedIn(HttpRequest.Builder request, String path) {
		String user = (path.startsWith("/admin") || path.startsWith("/actuator")) ? "ops:ops" : "jo:jo";
		return request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> post(ServiceName service, String path, String body) throws Exception {
		return this.http.send(signedIn(HttpRequest.newBuilder(URI.create(this.stack.uri(service) + path)), path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
