package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineClockTest {

	private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

	private static final Instant REMINDER_AT = Instant.parse("2026-11-26T15:00:00Z");

	private static final Instant DUE_AT = Instant.parse("2026-11-26T17:00:00Z");

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	private static final Deadline EMAIL = new Deadline("EMAIL", 1, RECEIVED, DUE_AT, List.of(REMINDER_AT));

	private final DeadlineClock.Started started = DeadlineClock.start("contact-1", "jo", EMAIL,
			RECEIVED.plusSeconds(1));

	private final DeadlineClock clock = this.started.clock();

	@Test
	void startingAClockAnnouncesItWithDeterministicIds() {
		ClockStarted event = this.started.event();

		assertThat(this.clock.id()).isEqualTo(EventIds.of("contact-1", "FIRST_RESPONSE"));
		assertThat(this.clock.state()).isEqualTo(ClockState.RUNNING);
		assertThat(event.eventId()).isEqualTo(EventIds.of(this.clock.id(), "started"));
		assertThat(event.clockId()).isEqualTo(this.clock.id());
		assertThat(event.standard()).isEqualTo("EMAIL");
		assertThat(event.assigneeId()).isEqualTo("jo");
		assertThat(event.startedAt()).isEqualTo(RECEIVED);
		assertThat(event.dueAt()).isEqualTo(DUE_AT);
		assertThat(event.reminderAt()).isEqualTo(REMINDER_AT);
	}

	@Test
	void theReminderFiresFirstThenTheBreach() {
		assertThat(this.clock.pendingTimer()).contains(new Timer(TimerKind.REMINDER, REMINDER_AT));

		CharterEvent reminder = this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT.plusMillis(150),
				CALENDAR);

		assertThat(reminder).isInstanceOfSatisfying(ReminderDue.class, (due) -> {
			assertThat(due.eventId()).isEqualTo(EventIds.of(this.clock.id(), "reminder"));
			assertThat(due.scheduledAt()).isEqualTo(REMINDER_AT);
			assertThat(due.firedAt()).isEqualTo(REMINDER_AT.plusMillis(150));
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.RUNNING);
		assertThat(this.clock.reminderSentAt()).contains(REMINDER_AT.plusMillis(150));
		assertThat(this.clock.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));

		CharterEvent breach = this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT, CALENDAR);

		assertThat(breach).isInstanceOfSatisfying(Breached.class, (breached) -> {
			assertThat(breached.eventId()).isEqualTo(EventIds.of(this.clock.id(), "breached"));
			assertThat(breached.scheduledAt()).isEqualTo(DUE_AT);
			assertThat(breached.firedAt()).isEqualTo(DUE_AT);
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.BREACHED);
		assertThat(this.clock.breachedAt()).contains(DUE_AT);
		assertThat(this.clock.pendingTimer()).as("escalation the next working morning")
			.contains(new Timer(TimerKind.ESCALATION, Instant.parse("2026-11-27T09:00:00Z")));
	}

	@Test
	void aTimerNeverFiresEarly() {
		assertThatThrownBy(
				() -> this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT.minusMillis(1), CALENDAR))
			.isInstanceOf(IllegalStateException.class);
		assertThat(this.clock.reminderSentAt()).isEmpty();
	}

	@Test
	void aTimerFiresOnlyOnce() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR);

		assertThatThrownBy(() -> this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aResponseByTheDeadlineMeetsTheClockAndStopsItsTimers() {
		List<CharterEvent> events = this.clock.respond(DUE_AT, DUE_AT.plusSeconds(5));

		assertThat(events).singleElement().isInstanceOfSatisfying(Met.class, (met) -> {
			assertThat(met.eventId()).isEqualTo(EventIds.of(this.clock.id(), "met"));
			assertThat(met.respondedAt()).isEqualTo(DUE_AT);
			assertThat(met.dueAt()).isEqualTo(DUE_AT);
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.MET);
		assertThat(this.clock.pendingTimer()).isEmpty();
	}

	@Test
	void aResolutionAtFirstContactThatMeetsTheClockIsRememberedAnOrdinaryAnswerIsNot() {
		assertThat(this.clock.isFirstResponse()).isTrue();
		assertThat(this.clock.resolveAtFirstContact(RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(60))).singleElement()
			.isInstanceOf(Met.class);
		assertThat(this.clock.resolvedAtFirstContact()).isTrue();
		assertThat(DeadlineClock.restore(this.clock.snapshot()).resolvedAtFirstContact()).isTrue();

		DeadlineClock answered = DeadlineClock.start("contact-7", "jo", EMAIL, RECEIVED).clock();
		answered.respond(RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(60));
		assertThat(answered.resolvedAtFirstContact()).isFalse();
		assertThat(answered.resolveAtFirstContact(RECEIVED.plusSeconds(90), RECEIVED.plusSeconds(90))).isEmpty();
		assertThat(answered.resolvedAtFirstContact()).as("already met by the earlier answer").isFalse();
	}

	@Test
	void aRepeatedResponseChangesNothing() {
		this.clock.respond(RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(60));

		assertThat(this.clock.respond(RECEIVED.plusSeconds(120), RECEIVED.plusSeconds(120))).isEmpty();
		assertThat(this.clock.state()).isEqualTo(ClockState.MET);
		assertThat(this.clock.respondedAt()).contains(RECEIVED.plusSeconds(60));
	}

	@Test
	void aResponseAfterTheBreachIsRecordedWithoutAnEvent() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR);
		this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT, CALENDAR);

		assertThat(this.clock.respond(DUE_AT.plusSeconds(3600), DUE_AT.plusSeconds(3600))).isEmpty();
		assertThat(this.clock.state()).isEqualTo(ClockState.MET_AFTER_BREACH);
		assertThat(this.clock.respondedAt()).contains(DUE_AT.plusSeconds(3600));
	}

	@Test
	void aLateResponseToAClockWhoseBreachHadNotFiredYetReportsTheBreach() {
		List<CharterEvent> events = this.clock.respond(DUE_AT.plusSeconds(60), DUE_AT.plusSeconds(90));

		assertThat(events).singleElement().isInstanceOfSatisfying(Breached.class, (breached) -> {
			assertThat(breached.scheduledAt()).isEqualTo(DUE_AT);
			assertThat(breached.firedAt()).isEqualTo(DUE_AT.plusSeconds(90));
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.MET_AFTER_BREACH);
		assertThat(this.clock.pendingTimer()).isEmpty();
	}

	@Test
	void withoutAReminderTheBreachIsTheOnlyTimer() {
		DeadlineClock noReminder = DeadlineClock
			.start("contact-2", "jo", new Deadline("EMAIL", 1, RECEIVED, DUE_AT, List.of()), RECEIVED)
			.clock();

		assertThat(noReminder.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));
	}

	@Test
	void instantsAreKeptToTheMillisecondAsTheStoreKeepsThem() {
		Instant precise = Instant.parse("2026-11-24T10:00:00.123456789Z");
		DeadlineClock clock = DeadlineClock
			.start("contact-3", "jo", new Deadline("EMAIL", 1, precise, DUE_AT, List.of(REMINDER_AT)), precise)
			.clock();

		assertThat(clock.startedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123Z"));
	}

	@Test
	void eachReminderPointFiresOnceWithItsOwnIdAndReminderAtShowsTheNextOne() {
		Instant halfway = Instant.parse("2026-11-25T13:00:00Z");
		DeadlineClock twoReminders = DeadlineClock
			.start("contact-4", "jo", new Deadline("EMAIL", 1, RECEIVED, DUE_AT, List.of(halfway, REMINDER_AT)),
					RECEIVED)
			.clock();
		assertThat(twoReminders.reminderAt()).contains(halfway);

		ReminderDue first = (ReminderDue) twoReminders.fire(new Timer(TimerKind.REMINDER, halfway), halfway, CALENDAR);
		assertThat(twoReminders.reminderAt()).contains(REMINDER_AT);
		ReminderDue second = (ReminderDue) twoReminders.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT,
				CALENDAR);

		assertThat(first.eventId()).isEqualTo(EventIds.of(twoReminders.id(), "reminder"));
		assertThat(second.eventId()).isEqualTo(EventIds.of(twoReminders.id(), "reminder", "2"))
			.isNotEqualTo(first.eventId());
		assertThat(second.scheduledAt()).isEqualTo(REMINDER_AT);
		assertThat(twoReminders.reminderAt()).isEmpty();
		assertThat(twoReminders.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));
	}

	@Test
	void remindersOverdueTogetherAfterAnOutageAreSentOnceForTheLatestPoint() {
		Instant halfway = Instant.parse("2026-11-25T13:00:00Z");
		DeadlineClock twoReminders = DeadlineClock
			.start("contact-5", "jo", new Deadline("EMAIL", 1, RECEIVED, DUE_AT, List.of(halfway, REMINDER_AT)),
					RECEIVED)
			.clock();

		ReminderDue only = (ReminderDue) twoReminders.fire(new Timer(TimerKind.REMINDER, halfway),
				DUE_AT.plusSeconds(60), CALENDAR);

		assertThat(only.scheduledAt()).isEqualTo(REMINDER_AT);
		assertThat(twoReminders.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));
	}

	@Test
	void aBreachStillUnansweredEscalatesEachWorkingMorningSkippingTheWeekend() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR);
		this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT, CALENDAR);
		Instant friday = Instant.parse("2026-11-27T09:00:00Z");
		Instant monday = Instant.parse("2026-11-30T09:00:00Z");

		Escalated first = (Escalated) this.clock.fire(new Timer(TimerKind.ESCALATION, friday), friday, CALENDAR);
		assertThat(this.clock.pendingTimer()).contains(new Timer(TimerKind.ESCALATION, monday));
		Escalated second = (Escalated) this.clock.fire(new Timer(TimerKind.ESCALATION, monday), monday.plusMillis(5),
				CALENDAR);

		assertThat(first.escalation()).isEqualTo(1);
		assertThat(second.escalation()).isEqualTo(2);
		assertThat(first.eventId()).isEqualTo(EventIds.of(this.clock.id(), "escalated", "1"));
		assertThat(second.eventId()).isEqualTo(EventIds.of(this.clock.id(), "escalated", "2"));
		assertThat(second.scheduledAt()).isEqualTo(monday);

		this.clock.respond(monday.plusSeconds(3600), monday.plusSeconds(3600));
		assertThat(this.clock.state()).isEqualTo(ClockState.MET_AFTER_BREACH);
		assertThat(this.clock.pendingTimer()).as("an answer stops the escalations").isEmpty();
	}

	@Test
	void aMovedDeadlineKeepsTheRemindersAlreadySentAndSaysWhy() {
		Instant halfway = Instant.parse("2026-11-25T13:00:00Z");
		DeadlineClock moving = DeadlineClock
			.start("contact-6", "jo", new Deadline("EMAIL", 1, RECEIVED, DUE_AT, List.of(halfway, REMINDER_AT)),
					RECEIVED)
			.clock();
		moving.fire(new Timer(TimerKind.REMINDER, halfway), halfway, CALENDAR);
		Instant laterDue = Instant.parse("2026-11-27T17:00:00Z");
		Instant laterReminder = Instant.parse("2026-11-27T15:00:00Z");

		DeadlineChanged changed = moving
			.moveDeadline(
					new Deadline("EMAIL", 1, RECEIVED, laterDue,
							List.of(Instant.parse("2026-11-25T17:00:00Z"), laterReminder)),
					"Now closed: 2026-11-26 (office closed)", laterDue.minusSeconds(86_400 * 2))
			.orElseThrow();

		assertThat(changed.previousDueAt()).isEqualTo(DUE_AT);
		assertThat(changed.dueAt()).isEqualTo(laterDue);
		assertThat(changed.reason()).contains("2026-11-26");
		assertThat(moving.remindersSent()).isEqualTo(1);
		assertThat(moving.reminderAt()).contains(Instant.parse("2026-11-25T17:00:00Z"));
		assertThat(moving.pendingTimer())
			.contains(new Timer(TimerKind.REMINDER, Instant.parse("2026-11-25T17:00:00Z")));
		assertThat(moving.moveDeadline(new Deadline("EMAIL", 1, RECEIVED, laterDue, List.of()), "again", laterDue))
			.as("not moved again to the same deadline")
			.isEmpty();
	}

}
