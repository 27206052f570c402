package uk.co.healthwatchportsmouth.charter.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.calendar.BankHolidays;
import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.answerphone.AnswerphoneCheckClocks;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockMetrics;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.clock.TimerKind;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerFiring;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.event;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.newContactId;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.received;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.holdingReply;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.informationReceived;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.informationRequested;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.reassigned;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.resolved;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.resolvedAtFirstContact;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.responded;

/**
 * The service end to end on a real broker and store: contact events in, clock events out,
 * with time moved by a virtual clock instead of waiting. Each scenario uses its own
 * contact, so scenarios sharing the context and its clock do not disturb each other.
 */
@SpringBootTest(classes = { SlaApplication.class, ClockLifecycleScenarios.MovableTime.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
abstract class ClockLifecycleScenarios {

	static final Duration AWAIT = Duration.ofSeconds(20);

	/** Long enough for a duplicate to show: the scheduler wakes every 200 ms. */
	static final Duration QUIET = Duration.ofMillis(1500);

	static final String STARTED = "sla.clock-started.v1";

	static final String REMINDER = "sla.reminder-due.v1";

	static final String BREACHED = "sla.breached.v1";

	static final String MET = "sla.met.v1";

	static final String ESCALATED = "sla.escalated.v1";

	static final String DEADLINE_CHANGED = "sla.deadline-changed.v1";

	static final String PAUSED = "sla.clock-paused.v1";

	static final String RESUMED = "sla.clock-resumed.v1";

	static final String CANCELLED = "sla.clock-cancelled.v1";

	/**
	 * A copy of the shipped bank-holiday file that a scenario replaces, as operations
	 * would.
	 */
	static final Path BANK_HOLIDAYS = copyOfTheShippedBankHolidays();

	@DynamicPropertySource
	static void bankHolidaysOnDisk(DynamicPropertyRegistry registry) {
		registry.add("charter.sla.calendar.bank-holidays-file", BANK_HOLIDAYS::toString);
	}

	private static Path copyOfTheShippedBankHolidays() {
		try (InputStream shipped = BankHolidays.class.getResourceAsStream(BankHolidays.SHIPPED_RESOURCE)) {
			Path file = Files.createTempFile("bank-holidays", ".json");
			Files.write(file, shipped.readAllBytes());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Not a {@code @Configuration}: component scanning must not find it elsewhere. */
	static class MovableTime {

		@Bean
		VirtualClock clock() {
			return new VirtualClock(Clock.systemUTC());
		}

	}

	@Autowired
	VirtualClock clock;

	@Autowired
	Consumer<Message<List<byte[]>>> contactEvents;

	@Autowired
	ClockStore store;

	@Autowired
	CharterStandards standards;

	@Autowired
	TimerFiring timerFiring;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ClockMetrics clockMetrics;

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	@Value("${local.server.port}")
	int port;

	EventPublisher contacts;

	TopicReader slaEvents;

	ServiceHttp http;

	@BeforeEach
	void connect() {
		this.contacts = new EventPublisher(this.brokers, Topics.CONTACTS, "/intake-service");
		this.slaEvents = new TopicReader(this.brokers, Topics.SLA);
		this.http = new ServiceHttp(this.port);
	}

	@AfterEach
	void disconnect() {
		this.contacts.close();
		this.slaEvents.close();
	}

	@Test
	void aClockStartsThenRemindsAtEachPointThenBreachesThenEscalatesEachExactlyOnce() {
		String contactId = newContactId();
		double remindersBefore = count("charter.clocks.reminders", "standard", "EMAIL");
		this.contacts.publish(received(contactId, "EMAIL", this.clock.instant()));

		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		assertThat(started.standard()).isEqualTo("EMAIL");
		Instant twoWorkingHoursBefore = started.dueAt().minus(Duration.ofHours(2));
		assertThat(started.reminderAt()).as("half-way through the working time comes first")
			.isAfter(started.startedAt())
			.isBefore(twoWorkingHoursBefore);

		advanceTo(started.reminderAt().plusSeconds(1));
		Received reminder = this.slaEvents.await(event(contactId, REMINDER), AWAIT);
		ReminderDue reminderDue = (ReminderDue) reminder.event();
		assertThat(reminderDue.scheduledAt()).isEqualTo(started.reminderAt());
		assertThat(reminderDue.firedAt()).isAfterOrEqualTo(reminderDue.scheduledAt()).isBefore(started.dueAt());
		assertThat(this.timerFiring
			.fire(new ClockTimer(started.clockId(), new Timer(TimerKind.REMINDER, started.reminderAt()))))
			.as("a reminder that already fired does not fire again")
			.isEmpty();
		JsonNode reminded = clockOf(contactId);
		assertThat(reminded.get("state").asString()).isEqualTo("RUNNING");
		assertThat(reminded.get("reminderSentAt").isNull()).isFalse();
		assertThat(Instant.parse(reminded.get("reminderAt").asString())).as("the next reminder still to come")
			.isEqualTo(twoWorkingHoursBefore);

		String secondReminderId = EventIds.of(started.clockId(), "reminder", "2");
		advanceTo(twoWorkingHoursBefore.plusSeconds(1));
		this.slaEvents.await((received) -> secondReminderId.equals(received.eventId()), AWAIT);

		double breachesBefore = count("charter.clocks.breached", "standard", "EMAIL");
		advanceTo(started.dueAt().plusSeconds(1));
		this.slaEvents.await(event(contactId, BREACHED), AWAIT);
		// at least: moving the shared clock also breaches other scenarios' open EMAIL
		// clocks
		awaitCountAtLeast("charter.clocks.breached", breachesBefore + 1, "standard", "EMAIL");
		assertThat(count("charter.clocks.reminders", "standard", "EMAIL")).as("this clock's two reminders")
			.isGreaterThanOrEqualTo(remindersBefore + 2);
		JsonNode breached = clockOf(contactId);
		assertThat(breached.get("state").asString()).isEqualTo("BREACHED");
		assertThat(breached.get("breachedAt").isNull()).isFalse();
		Instant firstEscalation = Instant.parse(breached.get("nextEscalationAt").asString());
		assertThat(firstEscalation.atZone(WorkingCalendar.LONDON).toLocalTime()).as("a working morning at opening")
			.isEqualTo(LocalTime.of(9, 0));

		advanceTo(firstEscalation.plusSeconds(1));
		Escalated escalated = (Escalated) this.slaEvents.await(event(contactId, ESCALATED), AWAIT).event();
		assertThat(escalated.escalation()).isEqualTo(1);

		List<Received> events = eventsAbout(contactId);
		assertThat(events).extracting(Received::type).containsExactly(STARTED, REMINDER, REMINDER, BREACHED, ESCALATED);
		assertThat(events).allSatisfy((received) -> {
			assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty();
			assertThat(received.eventId()).isEqualTo(received.event().eventId());
		});
		assertThat(events).extracting(Received::eventId)
			.containsExactly(EventIds.of(started.clockId(), "started"), EventIds.of(started.clockId(), "reminder"),
					secondReminderId, EventIds.of(started.clockId(), "breached"),
					EventIds.of(started.clockId(), "escalated", "1"));

		this.contacts.publish(responded(contactId, this.clock.instant()));
		awaitStateQuietly(contactId, "MET_AFTER_BREACH");
		assertThat(clockOf(contactId).get("nextEscalationAt").isNull()).as("an answer stops the escalations").isTrue();
	}

	@Test
	void aBankHolidayAnnouncedWhileAClockIsOpenMovesItsDeadlineAndRemindersSentAreNotSentAgain() throws IOException {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "LETTER", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		advanceTo(started.reminderAt().plusSeconds(1));
		this.slaEvents.await(event(contactId, REMINDER), AWAIT);

		LocalDate announced = started.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate();
		String json = Files.readString(BANK_HOLIDAYS);
		Files.writeString(BANK_HOLIDAYS,
				json.replaceFirst("\\[", "[{\"title\": \"A new one-off bank holiday\", \"date\": \"" + announced
						+ "\", \"notes\": \"\", \"bunting\": true},"));
		try {
			HttpResponse<String> reloaded = this.http.post("/admin/calendar/reload");

			assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
			assertThat(ServiceHttp.json(reloaded).get("deadlinesMoved").asInt()).isGreaterThanOrEqualTo(1);
			DeadlineChanged changed = (DeadlineChanged) this.slaEvents.await(event(contactId, DEADLINE_CHANGED), AWAIT)
				.event();
			assertThat(changed.previousDueAt()).isEqualTo(started.dueAt());
			assertThat(changed.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate()).isAfter(announced);
			assertThat(changed.dueAt().atZone(WorkingCalendar.LONDON).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
			assertThat(changed.reason()).contains(announced.toString()).contains("A new one-off bank holiday");
			JsonNode moved = ServiceHttp.json(this.http.get("/clocks/" + started.clockId()));
			assertThat(Instant.parse(moved.get("dueAt").asString())).isEqualTo(changed.dueAt());
			assertThat(moved.get("explanation").get("skippedDays").toString()).contains(announced.toString())
				.contains("A new one-off bank holiday");
			assertThat(ServiceHttp.json(this.http.post("/admin/calendar/reload")).get("deadlinesMoved").asInt())
				.as("the same calendar again moves nothing")
				.isZero();

			advanceTo(changed.dueAt().plusSeconds(1));
			this.slaEvents.await(event(contactId, BREACHED), AWAIT);
			List<Received> events = eventsAbout(contactId);
			assertThat(events).extracting(Received::type)
				.containsExactly(STARTED, REMINDER, DEADLINE_CHANGED, REMINDER, BREACHED);
			assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
			assertThat(events).allSatisfy(
					(received) -> assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty());
			Breached breach = (Breached) events.get(4).event();
			assertThat(breach.dueAt()).isEqualTo(changed.dueAt());
		}
		finally {
			// the other scenarios share the service and its calendar; one previews late
			// December, where the announced day falls when the tests run in December
			Files.writeString(BANK_HOLIDAYS, json);
			assertThat(this.http.post("/admin/calendar/reload").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void thePreviewExplainsADeadlineWithItsSkippedDaysAndReminders() {
		HttpResponse<String> response = this.http
			.get("/deadlines/preview?standard=EMAIL&receivedAt=2025-12-24T16:30:00Z");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode preview = ServiceHttp.json(response);
		assertThat(preview.get("dueAt").asString()).isEqualTo("2025-12-30T17:00:00Z");
		assertThat(preview.get("workingDays").asInt()).isEqualTo(2);
		assertThat(preview.get("workingDaysCounted").toString()).isEqualTo("[\"2025-12-29\",\"2025-12-30\"]");
		assertThat(preview.get("skippedDays").findValuesAsString("reason")).containsExactly("Christmas Day",
				"Boxing Day", "weekend", "weekend");
		assertThat(preview.get("reminders")).extracting(JsonNode::asString)
			.containsExactly("2025-12-29T16:45:00Z", "2025-12-30T15:00:00Z");

		JsonNode promised = ServiceHttp.json(this.http.get(
				"/deadlines/preview?standard=PROMISED_RESPONSE&receivedAt=2026-12-24T10:00:00Z&promisedAt=2026-12-29T12:00:00Z"));
		assertThat(promised.get("dueAt").asString()).isEqualTo("2026-12-29T12:00:00Z");
		assertThat(promised.get("skippedDays").findValuesAsString("reason")).containsExactly("Christmas Day", "weekend",
				"weekend", "Boxing Day (substitute day)");
		JsonNode webForm = ServiceHttp
			.json(this.http.get("/deadlines/preview?standard=WEB_FORM&receivedAt=2025-12-24T16:30:00Z"));
		assertThat(webForm.get("standard").asString()).isEqualTo("EMAIL");
	}

	@Test
	void aBadPreviewRequestIsAProblemNamingTheParameter() {
		assertProblemNaming("/deadlines/preview?standard=CARRIER_PIGEON&receivedAt=2025-12-24T16:30:00Z", "standard");
		assertProblemNaming("/deadlines/preview?standard=EMAIL&receivedAt=yesterday", "receivedAt");
		assertProblemNaming("/deadlines/preview?standard=EMAIL", "receivedAt");
		assertProblemNaming("/deadlines/preview?standard=PROMISED_RESPONSE&receivedAt=2025-12-24T16:30:00Z",
				"promisedAt");
		assertProblemNaming(
				"/deadlines/preview?standard=PROMISED_RESPONSE&receivedAt=2025-12-24T16:30:00Z&promisedAt=2025-12-24T10:00:00Z",
				"promisedAt");
	}

	private void assertProblemNaming(String path, String field) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceHttp.json(response).get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
	}

	@Test
	void aResponseInTimeMeetsTheClockAndNothingFiresAfterTheDeadline() {
		String contactId = newContactId();
		double runningBefore = openClocks("LETTER", "running");
		double metOnTimeBefore = count("charter.clocks.met", "standard", "LETTER", "on.time", "true");
		this.contacts.publish(received(contactId, "LETTER", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		assertThat(openClocks("LETTER", "running")).as("the open-clocks gauge counts the new clock")
			.isEqualTo(runningBefore + 1);

		this.contacts.publish(responded(contactId, this.clock.instant()));
		this.slaEvents.await(event(contactId, MET), AWAIT);
		awaitCount("charter.clocks.met", metOnTimeBefore + 1, "standard", "LETTER", "on.time", "true");
		assertThat(openClocks("LETTER", "running")).isEqualTo(runningBefore);
		advanceTo(started.dueAt().plusSeconds(60));

		List<Received> events = eventsAbout(contactId);
		assertThat(events).extracting(Received::type).containsExactly(STARTED, MET);
		assertThat(EventSchemas.violations(MET, events.get(1).payload())).isEmpty();
		JsonNode met = clockOf(contactId);
		assertThat(met.get("state").asString()).isEqualTo("MET");
		assertThat(met.get("respondedAt").isNull()).isFalse();
	}

	@Test
	void aResponseAfterTheBreachIsRecordedWithoutAnotherEvent() throws InterruptedException {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "ANSWERPHONE", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		advanceTo(started.dueAt().plusSeconds(1));
		this.slaEvents.await(event(contactId, BREACHED), AWAIT);

		this.contacts.publish(responded(contactId, this.clock.instant()));

		awaitState(contactId, "MET_AFTER_BREACH");
		assertThat(eventsAbout(contactId)).extracting(Received::type).containsExactly(STARTED, REMINDER, BREACHED);
	}

	@Test
	void aClockStoredByAnAttemptThatFailedBeforeItsTimerWasQueuedGetsItWhenTheEventIsRedelivered() {
		String contactId = newContactId();
		Instant receivedAt = this.clock.instant();
		// what an attempt that failed part-way leaves behind: the clock stored, its timer
		// never queued
		DeadlineClock.Started stored = DeadlineClock.start(contactId, "jo",
				this.standards.deadlineFor("ANSWERPHONE", receivedAt).orElseThrow(), receivedAt);
		assertThat(this.store.insertAll(List.of(stored))).containsExactly(stored.clock().id());
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();

		this.contacts.publish(received(contactId, "ANSWERPHONE", receivedAt));
		LockSupport.parkNanos(QUIET.toNanos());
		advanceTo(started.dueAt().plusSeconds(1));

		this.slaEvents.await(event(contactId, BREACHED), AWAIT);
		assertThat(eventsAbout(contactId)).extracting(Received::type).containsExactly(STARTED, REMINDER, BREACHED);
	}

	@Test
	void theSameContactReceivedTwiceStartsOneClock() {
		String contactId = newContactId();
		Instant receivedAt = this.clock.instant();

		this.contacts.publish(received(contactId, "PHONE", receivedAt));
		this.contacts.publish(received(contactId, "PHONE", receivedAt));
		this.slaEvents.await(event(contactId, STARTED), AWAIT);

		assertThat(eventsAbout(contactId)).extracting(Received::type).containsExactly(STARTED);
		assertThat(ServiceHttp.json(this.http.get("/clocks?contactId=" + contactId))).hasSize(1);
	}

	@Test
	void aBatchStartsItsNewClocksTogetherInOrderWithTheOtherEventsAndStopsAtTheFirstUnreadableRecord() {
		String first = newContactId();
		String second = newContactId();
		String third = newContactId();
		String afterTheUnreadable = newContactId();
		Instant now = this.clock.instant();
		List<Message<byte[]>> records = List.of(record(received(first, "EMAIL", now)),
				record(received(second, "LETTER", now)), record(received(first, "EMAIL", now)),
				record(responded(first, now.plusSeconds(60))), record(received(third, "ANSWERPHONE", now)),
				MessageBuilder.withPayload("}{ not json".getBytes(StandardCharsets.UTF_8))
					.setHeader("ce_type", "contact.received.v1".getBytes(StandardCharsets.UTF_8))
					.build(),
				record(received(afterTheUnreadable, "EMAIL", now)));

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.contactEvents.accept(batch(records)))
			.satisfies((failure) -> assertThat(failure.getIndex()).isEqualTo(5))
			.withCauseInstanceOf(MalformedEventException.class);

		this.slaEvents.await(event(first, MET), AWAIT);
		assertThat(eventsAbout(first)).extracting(Received::type)
			.as("started once, then met by the response that followed it in the batch")
			.containsExactly(STARTED, MET);
		assertThat(clockOf(second).get("state").asString()).isEqualTo("RUNNING");
		assertThat(clockOf(third).get("state").asString()).isEqualTo("RUNNING");
		assertThat(ServiceHttp.json(this.http.get("/clocks?contactId=" + afterTheUnreadable)))
			.as("records after the failed one are left for the consumer to read again")
			.isEmpty();

		this.contactEvents.accept(batch(records.subList(6, 7)));
		this.contactEvents.accept(batch(records.subList(0, 5)));
		this.slaEvents.await(event(afterTheUnreadable, STARTED), AWAIT);
		LockSupport.parkNanos(QUIET.toNanos());
		assertThat(eventsAbout(first)).extracting(Received::type)
			.as("a batch delivered again changes nothing")
			.containsExactly(STARTED, MET);
		assertThat(eventsAbout(second)).extracting(Received::type).containsExactly(STARTED);
	}

	private static Message<byte[]> record(CharterEvent event) {
		return EventMessages.toMessage(event, "/intake-service");
	}

	/** The records as the binder hands a poll to the function. */
	private static Message<List<byte[]>> batch(List<Message<byte[]>> records) {
		List<Map<String, Object>> headers = records.stream()
			.map((record) -> (Map<String, Object>) new HashMap<String, Object>(record.getHeaders()))
			.toList();
		return MessageBuilder.withPayload(records.stream().map(Message::getPayload).toList())
			.setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
			.build();
	}

	@Test
	void unreadableRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
		String contactId = newContactId();
		String deadLetterTopic = Topics.deadLetter(Topics.CONTACTS, "sla-service");
		double deadLettersBefore = count("charter.dead.letters", "topic", deadLetterTopic);
		try (TopicReader deadLetters = new TopicReader(this.brokers,
				Topics.deadLetter(Topics.CONTACTS, "sla-service"))) {
			this.contacts.publishRaw(contactId, "contact.received.v1", "}{ not json");
			this.contacts.publishRaw(contactId, "contact.teleported.v1", "{\"contactId\":\"" + contactId + "\"}");
			this.contacts.publish(received(contactId, "WEB_FORM", this.clock.instant()));

			this.slaEvents.await(event(contactId, STARTED), AWAIT);
			deadLetters.await(event(contactId, "contact.received.v1"), AWAIT);
			deadLetters.await(event(contactId, "contact.teleported.v1"), AWAIT);
			assertThat(deadLetters.drain(Duration.ZERO)).filteredOn((record) -> contactId.equals(record.key()))
				.as("each dead-lettered once, not once per retry")
				.hasSize(2);
			awaitCount("charter.dead.letters", deadLettersBefore + 2, "topic", deadLetterTopic);
		}
	}

	@Test
	void clocksAreListedByContactWithTheirStateAndDeadline() {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "EMAIL", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();

		HttpResponse<String> list = this.http.get("/clocks?contactId=" + contactId);

		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode clock = ServiceHttp.json(list).get(0);
		assertThat(clock.get("id").asString()).isEqualTo(started.clockId());
		assertThat(clock.get("contactId").asString()).isEqualTo(contactId);
		assertThat(clock.get("standard").asString()).isEqualTo("EMAIL");
		assertThat(clock.get("state").asString()).isEqualTo("RUNNING");
		assertThat(clock.get("assigneeId").asString()).isEqualTo("staff-7");
		assertThat(Instant.parse(clock.get("startedAt").asString())).isEqualTo(started.startedAt());
		assertThat(Instant.parse(clock.get("dueAt").asString())).isEqualTo(started.dueAt());
		assertThat(Instant.parse(clock.get("reminderAt").asString())).isEqualTo(started.reminderAt());
		assertThat(clock.get("reminderSentAt").isNull()).isTrue();
		assertThat(clock.get("breachedAt").isNull()).isTrue();
		assertThat(clock.get("respondedAt").isNull()).isTrue();

		HttpResponse<String> one = this.http.get("/clocks/" + started.clockId());
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(ServiceHttp.json(one).get("dueAt").asString()).isEqualTo(clock.get("dueAt").asString());
		JsonNode explanation = ServiceHttp.json(one).get("explanation");
		assertThat(explanation.get("workingDaysCounted")).as("EMAIL counts two working days").hasSize(2);
		assertThat(explanation.get("workingDaysCounted").get(1).asString())
			.isEqualTo(started.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate().toString());
	}

	@Test
	void anUnknownClockIsNotFoundAndAListingWithoutFiltersListsEveryClock() {
		HttpResponse<String> unknown = this.http.get("/clocks/no-such-clock");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		String contactId = newContactId();
		this.contacts.publish(received(contactId, "EMAIL", this.clock.instant()));
		this.slaEvents.await(event(contactId, STARTED), AWAIT);
		HttpResponse<String> withoutFilter = this.http.get("/clocks?size=500");
		assertThat(withoutFilter.statusCode()).isEqualTo(200);
		assertThat(ServiceHttp.json(withoutFilter).valueStream().map((clock) -> clock.get("contactId").asString()))
			.contains(contactId);

		HttpResponse<String> blankContact = this.http.get("/clocks?contactId=");
		assertThat(blankContact.statusCode()).isEqualTo(400);
		assertThat(blankContact.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceHttp.json(blankContact).get("errors").get(0).get("field").asString()).isEqualTo("contactId");
	}

	@Test
	void theVirtualClockAdminEndpointsDoNotExistOutsideTheLocalProfile() {
		assertThat(this.http.get("/admin/clock").statusCode()).isEqualTo(404);
		assertThat(this.http.post("/admin/clock/advance?by=P2D").statusCode()).isEqualTo(404);
	}

	@Test
	void aHoldingReplyMeetsTheFirstResponseAndAPromisedClockTakesOverUntilANewerPromiseOrTheResolution() {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "EMAIL", this.clock.instant()));
		ClockStarted firstResponse = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		Instant sentAt = this.clock.instant();
		Instant firstPromise = sentAt.plus(Duration.ofDays(7));
		String firstPromiseId = DeadlineClock.promisedIdFor(contactId, firstPromise);

		this.contacts.publish(holdingReply(contactId, sentAt, firstPromise));
		this.contacts.publish(holdingReply(contactId, sentAt, firstPromise));
		Met met = (Met) this.slaEvents.await(event(contactId, MET), AWAIT).event();
		ClockStarted promised = (ClockStarted) this.slaEvents
			.await((received) -> event(contactId, STARTED).test(received)
					&& firstPromiseId.equals(((ClockStarted) received.event()).clockId()), AWAIT)
			.event();
		assertThat(met.clockId()).as("the holding reply is the first response").isEqualTo(firstResponse.clockId());
		assertThat(met.respondedAt()).isEqualTo(sentAt.truncatedTo(ChronoUnit.MILLIS));
		assertThat(promised.standard()).isEqualTo("PROMISED_RESPONSE");
		assertThat(promised.dueAt()).isEqualTo(firstPromise.truncatedTo(ChronoUnit.MILLIS));
		assertThat(promised.assigneeId()).isEqualTo("staff-7");

		Instant laterPromise = firstPromise.plus(Duration.ofDays(3));
		String laterPromiseId = DeadlineClock.promisedIdFor(contactId, laterPromise);
		this.contacts.publish(holdingReply(contactId, sentAt.plusSeconds(60), laterPromise));
		ClockCancelled cancelled = (ClockCancelled) this.slaEvents.await(event(contactId, CANCELLED), AWAIT).event();
		assertThat(cancelled.clockId()).isEqualTo(firstPromiseId);
		assertThat(cancelled.reasonCode()).isEqualTo("SUPERSEDED_BY_NEW_PROMISE");
		this.contacts.publish(holdingReply(contactId, sentAt, firstPromise));

		this.contacts.publish(resolved(contactId, this.clock.instant()));
		this.contacts.publish(resolved(contactId, this.clock.instant()));
		this.slaEvents.await((received) -> event(contactId, MET).test(received)
				&& laterPromiseId.equals(((Met) received.event()).clockId()), AWAIT);

		List<Received> events = eventsAbout(contactId);
		assertThat(events).extracting(Received::type)
			.as("a redelivered holding reply or resolution has no second effect")
			.containsExactlyInAnyOrder(STARTED, MET, STARTED, STARTED, CANCELLED, MET);
		assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
		assertThat(events).allSatisfy(
				(received) -> assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty());
		JsonNode clocks = ServiceHttp.json(this.http.get("/clocks?contactId=" + contactId));
		assertThat(clocks).hasSize(3);
		assertThat(clocks.findValuesAsString("state")).containsExactlyInAnyOrder("MET", "CANCELLED", "MET");
	}

	@Test
	void waitingForInformationPausesTheClockSoNothingFiresAndTheDeadlineMovesByThePausedWorkingTime() {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "EMAIL", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		Instant requestedAt = this.clock.instant();

		this.contacts.publish(informationRequested(contactId, requestedAt));
		this.contacts.publish(informationRequested(contactId, requestedAt));
		this.slaEvents.await(event(contactId, PAUSED), AWAIT);
		this.contacts.publish(reassigned(contactId, "staff-7", "sam.k", requestedAt));
		awaitClock(contactId, (clock) -> "sam.k".equals(clock.get("assigneeId").asString()));
		advanceTo(started.dueAt().plus(Duration.ofHours(20)));
		assertThat(eventsAbout(contactId)).extracting(Received::type)
			.as("no reminder or breach while paused")
			.containsExactly(STARTED, PAUSED);
		JsonNode paused = clockOf(contactId);
		assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("assigneeId").asString()).as("reassigned while paused").isEqualTo("sam.k");

		Instant informationArrived = this.clock.instant();
		this.contacts.publish(informationReceived(contactId, informationArrived));
		this.contacts.publish(informationReceived(contactId, informationArrived));
		ClockResumed resumed = (ClockResumed) this.slaEvents.await(event(contactId, RESUMED), AWAIT).event();
		WorkingCalendar calendar = WorkingCalendar.englandAndWales();
		Duration pausedWorkingTime = calendar.workingTimeBetween(resumed.pausedAt(), resumed.resumedAt());
		assertThat(pausedWorkingTime).as("the pause spanned the whole deadline").isPositive();
		assertThat(resumed.previousDueAt()).isEqualTo(started.dueAt());
		assertThat(resumed.dueAt()).isEqualTo(calendar.plusWorkingTime(started.dueAt(), pausedWorkingTime))
			.isAfter(informationArrived);
		this.contacts.publish(informationRequested(contactId, requestedAt));

		advanceTo(resumed.dueAt().plusSeconds(1));
		Breached breached = (Breached) this.slaEvents.await(event(contactId, BREACHED), AWAIT).event();
		assertThat(breached.dueAt()).isEqualTo(resumed.dueAt());
		assertThat(breached.assigneeId()).as("the new assignee is told").isEqualTo("sam.k");
		List<Received> events = eventsAbout(contactId);
		assertThat(events).extracting(Received::type).containsExactly(STARTED, PAUSED, RESUMED, REMINDER, BREACHED);
		assertThat(events).allSatisfy(
				(received) -> assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty());
		assertThat(((ReminderDue) events.get(3).event()).assigneeId()).isEqualTo("sam.k");
	}

	@Test
	void aContactResolvedAtFirstContactMeetsItsClockOnce() {
		String contactId = newContactId();
		this.contacts.publish(received(contactId, "PHONE", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();
		Instant resolvedAt = this.clock.instant();

		this.contacts.publish(resolvedAtFirstContact(contactId, resolvedAt));
		this.contacts.publish(resolvedAtFirstContact(contactId, resolvedAt));
		Met met = (Met) this.slaEvents.await(event(contactId, MET), AWAIT).event();

		assertThat(met.clockId()).isEqualTo(started.clockId());
		assertThat(met.respondedAt()).isEqualTo(resolvedAt.truncatedTo(ChronoUnit.MILLIS));
		assertThat(eventsAbout(contactId)).extracting(Received::type).containsExactly(STARTED, MET);
		assertThat(clockOf(contactId).get("state").asString()).isEqualTo("MET");
	}

	@Test
	void eachWorkingDayHasOneAnswerphoneCheckClockThatACheckMeetsAndThatBreachesAtTenOtherwise() {
		WorkingCalendar calendar = WorkingCalendar.englandAndWales();
		LocalDate checkedDay = calendar
			.nextWorkingDayAfter(this.clock.instant().atZone(WorkingCalendar.LONDON).toLocalDate());
		String checkedClockId = AnswerphoneCheckClocks.idFor(checkedDay);
		advanceTo(calendar.openingTime(checkedDay).plusSeconds(1));
		ClockStarted started = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, checkedClockId), AWAIT)
			.event();
		assertThat(started.contactId()).isEqualTo(AnswerphoneChecked.KEY);
		assertThat(started.standard()).isEqualTo("ANSWERPHONE_CHECK");
		assertThat(started.startedAt()).isEqualTo(calendar.openingTime(checkedDay));
		assertThat(started.dueAt().atZone(WorkingCalendar.LONDON).toLocalTime()).isEqualTo(LocalTime.of(10, 0));

		Instant checkedAt = this.clock.instant().plusSeconds(300);
		AnswerphoneChecked check = new AnswerphoneChecked(EventIds.of("check", checkedAt.toString()), checkedAt,
				checkedAt, "jo", 2);
		this.contacts.publish(check);
		this.contacts.publish(check);
		Met met = (Met) this.slaEvents.await((received) -> clockEvent(received, MET, checkedClockId), AWAIT).event();
		assertThat(met.contactId()).isEqualTo(AnswerphoneChecked.KEY);
		assertThat(met.respondedAt()).isEqualTo(checkedAt.truncatedTo(ChronoUnit.MILLIS));

		LocalDate uncheckedDay = calendar.nextWorkingDayAfter(checkedDay);
		String uncheckedClockId = AnswerphoneCheckClocks.idFor(uncheckedDay);
		advanceTo(calendar.openingTime(uncheckedDay).plusSeconds(1));
		this.slaEvents.await((received) -> clockEvent(received, STARTED, uncheckedClockId), AWAIT);
		advanceTo(calendar.openingTime(uncheckedDay).plus(Duration.ofHours(1)).plusSeconds(1));
		Breached breached = (Breached) this.slaEvents
			.await((received) -> clockEvent(received, BREACHED, uncheckedClockId), AWAIT)
			.event();
		assertThat(breached.assigneeId()).as("charter.sla.answerphone.assignee-id").isEqualTo("jo");

		List<Received> checkEvents = this.slaEvents.drain(QUIET)
			.stream()
			.filter((received) -> AnswerphoneChecked.KEY.equals(received.key()))
			.toList();
		assertThat(checkEvents).as("a redelivered check meets nothing twice")
			.filteredOn((received) -> clockEvent(received, MET, checkedClockId))
			.hasSize(1);
		assertThat(checkEvents).as("one clock per day however often its opening is passed")
			.filteredOn((received) -> clockEvent(received, STARTED, uncheckedClockId))
			.hasSize(1);
		assertThat(checkEvents).as("a missed check is not escalated")
			.noneMatch((received) -> received.type().equals(ESCALATED));
		assertThat(checkEvents).allSatisfy(
				(received) -> assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty());
		assertThat(ServiceHttp.json(this.http.get("/clocks/" + uncheckedClockId)).get("state").asString())
			.isEqualTo("BREACHED");
	}

	private static boolean clockEvent(Received received, String type, String clockId) {
		return type.equals(received.type()) && received.payload() != null
				&& new String(received.payload(), StandardCharsets.UTF_8).contains("\"clockId\":\"" + clockId + "\"");
	}

	private double count(String name, String... tags) {
		Counter counter = this.meters.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void awaitCountAtLeast(String name, double expected, String... tags) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (count(name, tags) < expected && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		assertThat(count(name, tags)).as(name).isGreaterThanOrEqualTo(expected);
	}

	/** Counters move right after the event is stored, so its record may be read first. */
	private void awaitCount(String name, double expected, String... tags) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (count(name, tags) < expected && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		assertThat(count(name, tags)).as(name).isEqualTo(expected);
	}

	/** The {@code charter.clocks.open} gauge, recounted now, summed over due days. */
	private double openClocks(String standard, String state) {
		this.clockMetrics.refreshOpen();
		return this.meters.find(ClockMetrics.OPEN)
			.tags("standard", standard, "state", state)
			.gauges()
			.stream()
			.mapToDouble(Gauge::value)
			.sum();
	}

	private void advanceTo(Instant target) {
		Duration step = Duration.between(this.clock.instant(), target);
		if (!step.isNegative()) {
			this.clock.advance(step);
		}
	}

	private List<Received> eventsAbout(String contactId) {
		return this.slaEvents.drain(QUIET).stream().filter((received) -> contactId.equals(received.key())).toList();
	}

	private JsonNode clockOf(String contactId) {
		return ServiceHttp.json(this.http.get("/clocks?contactId=" + contactId)).get(0);
	}

	private void awaitStateQuietly(String contactId, String state) {
		try {
			awaitState(contactId, state);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitClock(String contactId, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!condition.test(clockOf(contactId))) {
			assertThat(System.nanoTime()).as("clock of %s reaching the expected state", contactId).isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private void awaitState(String contactId, String state) throws InterruptedException {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!state.equals(clockOf(contactId).get("state").asString())) {
			assertThat(System.nanoTime()).as("clock of %s reaching %s", contactId, state).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
