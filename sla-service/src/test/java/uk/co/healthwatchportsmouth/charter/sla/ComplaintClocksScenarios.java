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
import java.util.List;
import java.util.function.Predicate;

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
import uk.co.healthwatchportsmouth.charter.calendar.SkippedDay;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.EventSchemas;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.complaint.ComplaintClocks;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.acknowledged;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.closed;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.escalated;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.escalationResponded;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.extensionAgreed;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.newComplaintId;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.reassigned;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.received;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.responded;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.signposted;
import static uk.co.healthwatchportsmouth.charter.sla.Complaints.withdrawn;

/**
 * A complaint's deadlines end to end on a real broker and store: complaint events in,
 * clock events out, time moved by a virtual clock. Each scenario has its own complaint,
 * so scenarios sharing the context and its clock do not disturb each other.
 */
@SpringBootTest(classes = { SlaApplication.class, ComplaintClocksScenarios.MovableTime.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
abstract class ComplaintClocksScenarios {

	static final Duration AWAIT = Duration.ofSeconds(20);

	/** Long enough for a duplicate to show: the scheduler wakes every 200 ms. */
	static final Duration QUIET = Duration.ofMillis(1500);

	static final String STARTED = "sla.clock-started.v1";

	static final String REMINDER = "sla.reminder-due.v1";

	static final String BREACHED = "sla.breached.v1";

	static final String MET = "sla.met.v1";

	static final String ESCALATED = "sla.escalated.v1";

	static final String DEADLINE_CHANGED = "sla.deadline-changed.v1";

	static final String CANCELLED = "sla.clock-cancelled.v1";

	/** The calendar the service is configured with: England and Wales, 09:00-17:00. */
	static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

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

	@Value("${spring.cloud.stream.kafka.binder.brokers}")
	String brokers;

	@Value("${local.server.port}")
	int port;

	EventPublisher complaints;

	TopicReader slaEvents;

	ServiceHttp http;

	@BeforeEach
	void connect() {
		this.complaints = new EventPublisher(this.brokers, Topics.COMPLAINTS, "/complaints-service");
		this.slaEvents = new TopicReader(this.brokers, Topics.SLA);
		this.http = new ServiceHttp(this.port);
	}

	@AfterEach
	void disconnect() {
		this.complaints.close();
		this.slaEvents.close();
	}

	@Test
	void aComplaintIsAcknowledgedWithinFiveWorkingDaysAndAnsweredByTheDateOfAnAgreedExtension() {
		String complaintId = newComplaintId();
		Instant receivedAt = aMorningTwoWorkingDaysBeforeABankHoliday();
		advanceTo(receivedAt);

		this.complaints.publish(received(complaintId, "ABOUT_US", receivedAt));
		this.complaints.publish(received(complaintId, "ABOUT_US", receivedAt));
		ClockStarted acknowledgement = (ClockStarted) this.slaEvents.await(event(complaintId, STARTED), AWAIT).event();
		LocalDate receivedOn = receivedAt.atZone(WorkingCalendar.LONDON).toLocalDate();
		LocalDate acknowledgementDueOn = acknowledgement.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate();
		assertThat(acknowledgement.clockId()).isEqualTo(ComplaintClocks.acknowledgementIdFor(complaintId));
		assertThat(acknowledgement.contactId()).as("a complaint's clocks are keyed by the complaint")
			.isEqualTo(complaintId);
		assertThat(acknowledgement.standard()).isEqualTo("COMPLAINT_ACKNOWLEDGEMENT");
		assertThat(acknowledgement.assigneeId()).isEqualTo(Complaints.HANDLER);
		assertThat(acknowledgement.dueAt()).isEqualTo(CALENDAR.closeOfBusiness(receivedAt, 5));
		assertThat(acknowledgement.dueAt().atZone(WorkingCalendar.LONDON).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
		assertThat(CALENDAR.skippedDays(receivedOn, acknowledgementDueOn)).extracting(SkippedDay::reason)
			.as("the five working days span a weekend and a bank holiday")
			.contains("weekend")
			.anyMatch((reason) -> !"weekend".equals(reason));
		assertThat(ChronoUnit.DAYS.between(receivedOn, acknowledgementDueOn))
			.as("5 working days, 2 weekend days, a holiday")
			.isGreaterThanOrEqualTo(8);

		Instant acknowledgedAt = CALENDAR.openingTime(CALENDAR.nextWorkingDayAfter(receivedOn))
			.plus(Duration.ofHours(2));
		advanceTo(acknowledgedAt);
		this.complaints.publish(acknowledged(complaintId, acknowledgedAt, 20));
		this.complaints.publish(acknowledged(complaintId, acknowledgedAt, 20));
		Met acknowledgementMet = (Met) this.slaEvents.await(event(complaintId, MET), AWAIT).event();
		ClockStarted response = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, ComplaintClocks.responseIdFor(complaintId)), AWAIT)
			.event();
		assertThat(acknowledgementMet.clockId()).isEqualTo(acknowledgement.clockId());
		assertThat(acknowledgementMet.respondedAt()).isEqualTo(acknowledgedAt);
		assertThat(response.standard()).isEqualTo("COMPLAINT_RESPONSE");
		assertThat(response.startedAt()).isEqualTo(acknowledgedAt);
		assertThat(response.dueAt()).as("20 working days after the acknowledgement")
			.isEqualTo(CALENDAR.closeOfBusiness(acknowledgedAt, 20));

		LocalDate responseDueOn = response.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate();
		LocalDate agreedDate = CALENDAR.nextWorkingDayAfter(responseDueOn.plusDays(14));
		Instant agreedAt = acknowledgedAt.plus(Duration.ofDays(1));
		advanceTo(agreedAt);
		this.complaints.publish(extensionAgreed(complaintId, agreedAt, agreedDate, null));
		this.complaints.publish(extensionAgreed(complaintId, agreedAt, agreedDate, null));
		DeadlineChanged changed = (DeadlineChanged) this.slaEvents.await(event(complaintId, DEADLINE_CHANGED), AWAIT)
			.event();
		Instant agreedDueAt = agreedDate.atTime(17, 0).atZone(WorkingCalendar.LONDON).toInstant();
		assertThat(changed.clockId()).isEqualTo(response.clockId());
		assertThat(changed.previousDueAt()).isEqualTo(response.dueAt());
		assertThat(changed.dueAt()).as("the close of business of the agreed date").isEqualTo(agreedDueAt);
		assertThat(changed.reason()).isEqualTo("Extension agreed with the complainant: response now due " + agreedDate);
		JsonNode extended = ServiceHttp.json(this.http.get("/clocks/" + response.clockId()));
		assertThat(Instant.parse(extended.get("dueAt").asString())).isEqualTo(agreedDueAt);
		assertThat(extended.get("dueByAgreement").asBoolean()).isTrue();
		assertThat(extended.get("explanation").get("workingDaysCounted").toString())
			.as("the explanation follows the agreed deadline")
			.contains(agreedDate.toString());

		advanceTo(response.dueAt().plus(Duration.ofHours(1)));
		assertThat(eventsAbout(complaintId)).extracting(Received::type)
			.as("the old deadline no longer counts")
			.doesNotContain(BREACHED, ESCALATED);
		assertThat(clockState(response.clockId())).isEqualTo("RUNNING");

		Instant respondedAt = now();
		this.complaints.publish(responded(complaintId, respondedAt));
		Met responseMet = (Met) this.slaEvents.await((received) -> clockEvent(received, MET, response.clockId()), AWAIT)
			.event();
		assertThat(responseMet.dueAt()).isEqualTo(agreedDueAt);
		assertThat(responseMet.respondedAt()).isEqualTo(respondedAt);

		List<Received> events = eventsAbout(complaintId);
		assertThat(events).extracting(Received::type)
			.filteredOn((type) -> !REMINDER.equals(type))
			.as("each event delivered twice had one effect (clocks publish independently, so in any order)")
			.containsExactlyInAnyOrder(STARTED, MET, STARTED, DEADLINE_CHANGED, MET);
		assertThat(events).filteredOn((received) -> REMINDER.equals(received.type()))
			.as("reminders after the extension are about the agreed deadline")
			.allSatisfy((received) -> assertThat(((ReminderDue) received.event()).dueAt()).isEqualTo(agreedDueAt));
		assertValid(events);
	}

	@Test
	void eachEscalationStageHasItsOwnClockMetByThatStagesResponseAndAWithdrawalCancelsWhatIsOpen() {
		String complaintId = newComplaintId();
		Instant receivedAt = now();
		this.complaints.publish(received(complaintId, "ABOUT_US", receivedAt));
		this.complaints.publish(acknowledged(complaintId, receivedAt.plusSeconds(60), 20));
		this.complaints.publish(responded(complaintId, receivedAt.plusSeconds(120)));
		this.slaEvents.await((received) -> clockEvent(received, MET, ComplaintClocks.responseIdFor(complaintId)),
				AWAIT);

		Instant escalatedAt = receivedAt.plusSeconds(180);
		String boardClockId = ComplaintClocks.escalationIdFor(complaintId, "BOARD");
		this.complaints.publish(escalated(complaintId, escalatedAt, "BOARD", 1, 20));
		this.complaints.publish(escalated(complaintId, escalatedAt, "BOARD", 1, 20));
		ClockStarted board = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, boardClockId), AWAIT)
			.event();
		assertThat(board.standard()).isEqualTo("COMPLAINT_ESCALATION");
		assertThat(board.contactId()).isEqualTo(complaintId);
		assertThat(board.dueAt()).isEqualTo(CALENDAR.closeOfBusiness(escalatedAt, 20));

		this.complaints.publish(reassigned(complaintId, "sam.k", escalatedAt.plusSeconds(30)));
		awaitClock(boardClockId, (clock) -> "sam.k".equals(clock.get("assigneeId").asString()));
		this.complaints.publish(escalationResponded(complaintId, "BOARD", escalatedAt.plusSeconds(60)));
		Met boardMet = (Met) this.slaEvents.await((received) -> clockEvent(received, MET, boardClockId), AWAIT).event();
		assertThat(boardMet.assigneeId()).as("reassigned to").isEqualTo("sam.k");

		Instant councilAt = escalatedAt.plusSeconds(120);
		String councilClockId = ComplaintClocks.escalationIdFor(complaintId, "COMMISSIONING_COUNCIL");
		this.complaints.publish(escalated(complaintId, councilAt, "COMMISSIONING_COUNCIL", 2, 30));
		ClockStarted council = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, councilClockId), AWAIT)
			.event();
		assertThat(council.dueAt()).as("the stage's own working days, from the event")
			.isEqualTo(CALENDAR.closeOfBusiness(councilAt, 30));
		LocalDate agreedDate = CALENDAR
			.nextWorkingDayAfter(council.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate());
		this.complaints
			.publish(extensionAgreed(complaintId, councilAt.plusSeconds(10), agreedDate, "COMMISSIONING_COUNCIL"));
		DeadlineChanged changed = (DeadlineChanged) this.slaEvents
			.await((received) -> clockEvent(received, DEADLINE_CHANGED, councilClockId), AWAIT)
			.event();
		assertThat(changed.reason()).isEqualTo(
				"Extension agreed with the complainant: response at stage COMMISSIONING_COUNCIL now due " + agreedDate);

		this.complaints.publish(withdrawn(complaintId, councilAt.plusSeconds(60)));
		ClockCancelled cancelled = (ClockCancelled) this.slaEvents.await(event(complaintId, CANCELLED), AWAIT).event();
		assertThat(cancelled.clockId()).isEqualTo(councilClockId);
		assertThat(cancelled.reasonCode()).isEqualTo("COMPLAINT_WITHDRAWN");

		List<Received> events = eventsAbout(complaintId);
		assertThat(events).extracting(Received::type)
			.containsExactlyInAnyOrder(STARTED, MET, STARTED, MET, STARTED, MET, STARTED, DEADLINE_CHANGED, CANCELLED);
		assertValid(events);
		JsonNode clocks = ServiceHttp.json(this.http.get("/clocks?contactId=" + complaintId));
		assertThat(clocks.findValuesAsString("standard")).containsExactly("COMPLAINT_ACKNOWLEDGEMENT",
				"COMPLAINT_RESPONSE", "COMPLAINT_ESCALATION", "COMPLAINT_ESCALATION");
		assertThat(clocks.findValuesAsString("state")).containsExactly("MET", "MET", "MET", "CANCELLED");
	}

	@Test
	void anAcknowledgementNotGivenInTimeBreachesAndALateOneStillStartsTheResponseClock() {
		String complaintId = newComplaintId();
		this.complaints.publish(received(complaintId, "ABOUT_US", now()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(complaintId, STARTED), AWAIT).event();

		advanceTo(started.dueAt().plusSeconds(1));
		this.slaEvents.await(event(complaintId, BREACHED), AWAIT);
		Instant lateAcknowledgement = now();
		this.complaints.publish(acknowledged(complaintId, lateAcknowledgement, 20));
		this.slaEvents.await((received) -> clockEvent(received, STARTED, ComplaintClocks.responseIdFor(complaintId)),
				AWAIT);

		awaitClock(started.clockId(), (clock) -> "MET_AFTER_BREACH".equals(clock.get("state").asString()));
		List<Received> events = eventsAbout(complaintId);
		assertThat(events).extracting(Received::type)
			.filteredOn((type) -> !REMINDER.equals(type))
			.containsExactlyInAnyOrder(STARTED, BREACHED, STARTED);
		assertValid(events);
	}

	@Test
	void signpostingAComplaintAboutAProviderIsItsAcknowledgement() {
		String complaintId = newComplaintId();
		this.complaints.publish(received(complaintId, "ABOUT_PROVIDER", now()));
		this.slaEvents.await(event(complaintId, STARTED), AWAIT);

		Instant signpostedAt = now();
		this.complaints.publish(signposted(complaintId, signpostedAt));
		this.complaints.publish(signposted(complaintId, signpostedAt));
		Met met = (Met) this.slaEvents.await(event(complaintId, MET), AWAIT).event();

		assertThat(met.standard()).isEqualTo("COMPLAINT_ACKNOWLEDGEMENT");
		assertThat(met.respondedAt()).isEqualTo(signpostedAt);
		List<Received> events = eventsAbout(complaintId);
		assertThat(events).extracting(Received::type).containsExactly(STARTED, MET);
		assertValid(events);
		assertThat(ServiceHttp.json(this.http.get("/clocks?contactId=" + complaintId))).as("no response is owed")
			.hasSize(1);
	}

	@Test
	void closingAComplaintCancelsItsOpenClock() {
		String complaintId = newComplaintId();
		this.complaints.publish(received(complaintId, "ABOUT_US", now()));
		ClockStarted started = (ClockStarted) this.slaEvents.await(event(complaintId, STARTED), AWAIT).event();

		this.complaints.publish(closed(complaintId, now()));
		this.complaints.publish(closed(complaintId, now()));
		ClockCancelled cancelled = (ClockCancelled) this.slaEvents.await(event(complaintId, CANCELLED), AWAIT).event();

		assertThat(cancelled.clockId()).isEqualTo(started.clockId());
		assertThat(cancelled.reasonCode()).isEqualTo("COMPLAINT_CLOSED");
		advanceTo(started.dueAt().plusSeconds(1));
		List<Received> events = eventsAbout(complaintId);
		assertThat(events).extracting(Received::type)
			.as("nothing fires for a cancelled clock")
			.containsExactly(STARTED, CANCELLED);
		assertValid(events);
		assertThat(clockState(started.clockId())).isEqualTo("CANCELLED");
	}

	@Test
	void unreadableComplaintRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
		String complaintId = newComplaintId();
		try (TopicReader deadLetters = new TopicReader(this.brokers,
				Topics.deadLetter(Topics.COMPLAINTS, "sla-service"))) {
			this.complaints.publishRaw(complaintId, "complaint.received.v1", "}{ not json");
			this.complaints.publish(received(complaintId, "ABOUT_US", now()));

			this.slaEvents.await(event(complaintId, STARTED), AWAIT);
			deadLetters.await(event(complaintId, "complaint.received.v1"), AWAIT);
			assertThat(deadLetters.drain(Duration.ZERO)).filteredOn((record) -> complaintId.equals(record.key()))
				.as("dead-lettered once, not once per retry")
				.hasSize(1);
		}
	}

	@Test
	void aContactEscalatedToAComplaintHasItsOpenClockCancelled() {
		String contactId = Contacts.newContactId();
		try (EventPublisher contacts = new EventPublisher(this.brokers, Topics.CONTACTS, "/intake-service")) {
			contacts.publish(Contacts.received(contactId, "EMAIL", now()));
			this.slaEvents.await(event(contactId, STARTED), AWAIT);

			Instant escalatedAt = now();
			ContactEscalatedToComplaint escalation = new ContactEscalatedToComplaint(
					EventIds.of(contactId, "escalated-to-complaint"), escalatedAt, contactId, escalatedAt, "jo",
					"customer-1", "EMAIL", null);
			contacts.publish(escalation);
			contacts.publish(escalation);
			ClockCancelled cancelled = (ClockCancelled) this.slaEvents.await(event(contactId, CANCELLED), AWAIT)
				.event();

			assertThat(cancelled.clockId()).isEqualTo(DeadlineClock.idFor(contactId));
			assertThat(cancelled.reasonCode()).isEqualTo("SUPERSEDED_BY_COMPLAINT");
			assertThat(cancelled.cancelledAt()).isEqualTo(escalatedAt);
			List<Received> events = eventsAbout(contactId);
			assertThat(events).extracting(Received::type).containsExactly(STARTED, CANCELLED);
			assertValid(events);
		}
	}

	@Test
	void aCalendarChangeRecountsTheWorkingDaysTheEventGaveButLeavesAnAgreedDeadlineAlone() throws IOException {
		String recounted = newComplaintId();
		String agreed = newComplaintId();
		Instant acknowledgedAt = now();
		this.complaints.publish(received(recounted, "ABOUT_US", acknowledgedAt));
		this.complaints.publish(acknowledged(recounted, acknowledgedAt, 10));
		this.complaints.publish(received(agreed, "ABOUT_US", acknowledgedAt));
		this.complaints.publish(acknowledged(agreed, acknowledgedAt, 20));
		String recountedClockId = ComplaintClocks.responseIdFor(recounted);
		String agreedClockId = ComplaintClocks.responseIdFor(agreed);
		ClockStarted tenDays = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, recountedClockId), AWAIT)
			.event();
		ClockStarted twentyDays = (ClockStarted) this.slaEvents
			.await((received) -> clockEvent(received, STARTED, agreedClockId), AWAIT)
			.event();
		assertThat(tenDays.dueAt()).isEqualTo(CALENDAR.closeOfBusiness(acknowledgedAt, 10));
		LocalDate agreedDate = CALENDAR
			.nextWorkingDayAfter(twentyDays.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate());
		this.complaints.publish(extensionAgreed(agreed, acknowledgedAt.plusSeconds(60), agreedDate, null));
		this.slaEvents.await((received) -> clockEvent(received, DEADLINE_CHANGED, agreedClockId), AWAIT);

		LocalDate announced = tenDays.dueAt().atZone(WorkingCalendar.LONDON).toLocalDate();
		String shipped = Files.readString(BANK_HOLIDAYS);
		try {
			Files.writeString(BANK_HOLIDAYS, shipped.replaceFirst("\\[",
					"[" + oneOffHoliday(announced) + "," + oneOffHoliday(agreedDate) + ","));
			HttpResponse<String> reloaded = this.http.post("/admin/calendar/reload");
			assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

			DeadlineChanged moved = (DeadlineChanged) this.slaEvents
				.await((received) -> clockEvent(received, DEADLINE_CHANGED, recountedClockId), AWAIT)
				.event();
			assertThat(moved.dueAt()).as("still 10 working days, not the configured 20")
				.isEqualTo(CALENDAR.closingTime(CALENDAR.nextWorkingDayAfter(announced)));
			assertThat(eventsAbout(agreed)).extracting(Received::type)
				.as("the date agreed with the complainant stands")
				.containsOnlyOnce(DEADLINE_CHANGED);
			assertThat(ServiceHttp.json(this.http.get("/clocks/" + agreedClockId)).get("dueAt").asString())
				.isEqualTo(CALENDAR.closingTime(agreedDate).toString());
		}
		finally {
			Files.writeString(BANK_HOLIDAYS, shipped);
			this.http.post("/admin/calendar/reload");
		}
	}

	private static String oneOffHoliday(LocalDate date) {
		return "{\"title\": \"A one-off bank holiday\", \"date\": \"" + date
				+ "\", \"notes\": \"\", \"bunting\": true}";
	}

	/**
	 * 10:00 on the working day two working days before the next bank holiday still ahead,
	 * so five working days from it span both a weekend and that holiday.
	 */
	private Instant aMorningTwoWorkingDaysBeforeABankHoliday() {
		LocalDate today = now().atZone(WorkingCalendar.LONDON).toLocalDate();
		for (SkippedDay day : CALENDAR.skippedDays(today, today.plusYears(2))) {
			if (!"weekend".equals(day.reason())) {
				LocalDate receivedOn = CALENDAR.previousWorkingDayBefore(CALENDAR.previousWorkingDayBefore(day.date()));
				Instant at = CALENDAR.openingTime(receivedOn).plus(Duration.ofHours(1));
				if (at.isAfter(now())) {
					return at;
				}
			}
		}
		throw new IllegalStateException("The shipped calendar has no bank holiday ahead of " + today);
	}

	private static Predicate<Received> event(String key, String type) {
		return (received) -> key.equals(received.key()) && type.equals(received.type());
	}

	private static boolean clockEvent(Received received, String type, String clockId) {
		return type.equals(received.type()) && received.payload() != null
				&& new String(received.payload(), StandardCharsets.UTF_8).contains("\"clockId\":\"" + clockId + "\"");
	}

	private static void assertValid(List<Received> events) {
		assertThat(events).isNotEmpty().allSatisfy((received) -> {
			assertThat(EventSchemas.violations(received.type(), received.payload())).isEmpty();
			assertThat(received.eventId()).isEqualTo(received.event().eventId());
		});
		assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private void advanceTo(Instant target) {
		Duration step = Duration.between(this.clock.instant(), target);
		if (!step.isNegative()) {
			this.clock.advance(step);
		}
	}

	private List<Received> eventsAbout(String key) {
		return this.slaEvents.drain(QUIET).stream().filter((received) -> key.equals(received.key())).toList();
	}

	private String clockState(String clockId) {
		return ServiceHttp.json(this.http.get("/clocks/" + clockId)).get("state").asString();
	}

	private void awaitClock(String clockId, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!condition.test(ServiceHttp.json(this.http.get("/clocks/" + clockId)))) {
			assertThat(System.nanoTime()).as("clock %s reaching the expected state", clockId).isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
