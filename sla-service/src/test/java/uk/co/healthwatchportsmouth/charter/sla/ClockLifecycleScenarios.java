package uk.co.healthwatchportsmouth.charter.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.healthwatchportsmouth.charter.calendar.BankHolidays;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.clock.TimerKind;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerFiring;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.event;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.newContactId;
import static uk.co.healthwatchportsmouth.charter.sla.Contacts.received;
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
	TimerFiring timerFiring;

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	@Value("${local.server.port}")
	int port;

	ContactEventsProducer contacts;

	TopicReader slaEvents;

	ServiceHttp http;

	@BeforeEach
	void connect() {
		this.contacts = new ContactEventsProducer(this.brokers);
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

		advanceTo(started.dueAt().plusSeconds(1));
		this.slaEvents.await(event(contactId, BREACHED), AWAIT);
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
		this.contacts.publish(received(contactId, "LETTER", this.clock.instant()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(contactId, STARTED), AWAIT).event();

		this.contacts.publish(responded(contactId, this.clock.instant()));
		this.slaEvents.await(event(contactId, MET), AWAIT);
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
	void unreadableRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
		String contactId = newContactId();
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
	void anUnknownClockIsNotFoundAndAListingNeedsAContact() {
		HttpResponse<String> unknown = this.http.get("/clocks/no-such-clock");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> withoutContact = this.http.get("/clocks");
		assertThat(withoutContact.statusCode()).isEqualTo(400);
		assertThat(withoutContact.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ServiceHttp.json(withoutContact).get("errors").get(0).get("field").asString())
			.isEqualTo("contactId");
	}

	@Test
	void theVirtualClockAdminEndpointsDoNotExistOutsideTheLocalProfile() {
		assertThat(this.http.get("/admin/clock").statusCode()).isEqualTo(404);
		assertThat(this.http.post("/admin/clock/advance?by=P2D").statusCode()).isEqualTo(404);
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

	private void awaitState(String contactId, String state) throws InterruptedException {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!state.equals(clockOf(contactId).get("state").asString())) {
			assertThat(System.nanoTime()).as("clock of %s reaching %s", contactId, state).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
