package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
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

	private static final Deadline EMAIL = new Deadline("EMAIL", RECEIVED, DUE_AT, REMINDER_AT);

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

		CharterEvent reminder = this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT),
				REMINDER_AT.plusMillis(150));

		assertThat(reminder).isInstanceOfSatisfying(ReminderDue.class, (due) -> {
			assertThat(due.eventId()).isEqualTo(EventIds.of(this.clock.id(), "reminder"));
			assertThat(due.scheduledAt()).isEqualTo(REMINDER_AT);
			assertThat(due.firedAt()).isEqualTo(REMINDER_AT.plusMillis(150));
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.RUNNING);
		assertThat(this.clock.reminderSentAt()).contains(REMINDER_AT.plusMillis(150));
		assertThat(this.clock.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));

		CharterEvent breach = this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT);

		assertThat(breach).isInstanceOfSatisfying(Breached.class, (breached) -> {
			assertThat(breached.eventId()).isEqualTo(EventIds.of(this.clock.id(), "breached"));
			assertThat(breached.scheduledAt()).isEqualTo(DUE_AT);
			assertThat(breached.firedAt()).isEqualTo(DUE_AT);
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.BREACHED);
		assertThat(this.clock.breachedAt()).contains(DUE_AT);
		assertThat(this.clock.pendingTimer()).isEmpty();
	}

	@Test
	void aTimerNeverFiresEarly() {
		assertThatThrownBy(
				() -> this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT.minusMillis(1)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(this.clock.reminderSentAt()).isEmpty();
	}

	@Test
	void aTimerFiresOnlyOnce() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT);

		assertThatThrownBy(() -> this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT))
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
	void aRepeatedResponseChangesNothing() {
		this.clock.respond(RECEIVED.plusSeconds(60), RECEIVED.plusSeconds(60));

		assertThat(this.clock.respond(RECEIVED.plusSeconds(120), RECEIVED.plusSeconds(120))).isEmpty();
		assertThat(this.clock.state()).isEqualTo(ClockState.MET);
		assertThat(this.clock.respondedAt()).contains(RECEIVED.plusSeconds(60));
	}

	@Test
	void aResponseAfterTheBreachIsRecordedWithoutAnEvent() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT);
		this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT);

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
			.start("contact-2", "jo", new Deadline("EMAIL", RECEIVED, DUE_AT, null), RECEIVED)
			.clock();

		assertThat(noReminder.pendingTimer()).contains(new Timer(TimerKind.BREACH, DUE_AT));
	}

	@Test
	void instantsAreKeptToTheMillisecondAsTheStoreKeepsThem() {
		Instant precise = Instant.parse("2026-11-24T10:00:00.123456789Z");
		DeadlineClock clock = DeadlineClock
			.start("contact-3", "jo", new Deadline("EMAIL", precise, DUE_AT, REMINDER_AT), precise)
			.clock();

		assertThat(clock.startedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123Z"));
	}

}
