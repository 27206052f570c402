package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for the customer, reassignment and superseded promises, on one clock. */
class PausingAndPromisesTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	/** Thursday 26 November 2026, 10:00 in London (GMT). */
	private static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");

	/** Two working days later: Monday 30 November, close of business. */
	private static final Instant DUE = Instant.parse("2026-11-30T17:00:00Z");

	private static final Instant FRIDAY_REMINDER = Instant.parse("2026-11-27T13:30:00Z");

	private static final Instant MONDAY_REMINDER = Instant.parse("2026-11-30T15:00:00Z");

	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-27T15:00:00Z");

	private static final Instant MONDAY_11AM = Instant.parse("2026-11-30T11:00:00Z");

	private final DeadlineClock clock = DeadlineClock
		.start("contact-1", "jo", new Deadline("EMAIL", 1, RECEIVED, DUE, List.of(FRIDAY_REMINDER, MONDAY_REMINDER)),
				RECEIVED)
		.clock();

	@Test
	void aPauseOverTheWeekendMovesTheDeadlineByTheWorkingTimePausedOnly() {
		this.clock.fire(new Timer(TimerKind.REMINDER, FRIDAY_REMINDER), FRIDAY_REMINDER, CALENDAR);

		ClockPaused paused = this.clock.pause(FRIDAY_3PM, FRIDAY_3PM).orElseThrow();
		assertThat(this.clock.state()).isEqualTo(ClockState.PAUSED);
		assertThat(this.clock.pendingTimer()).as("no timer fires while paused").isEmpty();
		assertThat(paused.eventId()).isEqualTo(EventIds.of(this.clock.id(), "paused", FRIDAY_3PM.toString()));

		ClockResumed resumed = this.clock.resume(MONDAY_11AM, MONDAY_11AM, CALENDAR).orElseThrow();

		// paused Friday 15:00-17:00 and Monday 09:00-11:00: four working hours
		Instant tuesday1pm = Instant.parse("2026-12-01T13:00:00Z");
		assertThat(resumed.previousDueAt()).isEqualTo(DUE);
		assertThat(resumed.dueAt()).isEqualTo(tuesday1pm);
		assertThat(this.clock.state()).isEqualTo(ClockState.RUNNING);
		assertThat(this.clock.dueAt()).isEqualTo(tuesday1pm);
		assertThat(this.clock.reminderPoints()).as("the reminder sent stays; the one to come moves four working hours")
			.containsExactly(FRIDAY_REMINDER, Instant.parse("2026-12-01T11:00:00Z"));
		assertThat(this.clock.pendingTimer())
			.contains(new Timer(TimerKind.REMINDER, Instant.parse("2026-12-01T11:00:00Z")));
	}

	@Test
	void aPauseEntirelyOutsideOfficeHoursMovesNothing() {
		Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
		Instant sunday = Instant.parse("2026-11-29T16:00:00Z");
		this.clock.pause(saturday, saturday);

		ClockResumed resumed = this.clock.resume(sunday, sunday, CALENDAR).orElseThrow();

		assertThat(resumed.dueAt()).isEqualTo(DUE);
		assertThat(this.clock.reminderPoints()).containsExactly(FRIDAY_REMINDER, MONDAY_REMINDER);
	}

	@Test
	void redeliveredPausesAndResumptionsChangeNothing() {
		this.clock.pause(FRIDAY_3PM, FRIDAY_3PM);
		assertThat(this.clock.pause(FRIDAY_3PM, FRIDAY_3PM)).as("already paused").isEmpty();
		this.clock.resume(MONDAY_11AM, MONDAY_11AM, CALENDAR);
		DeadlineClock.Snapshot afterResume = this.clock.snapshot();

		assertThat(this.clock.resume(MONDAY_11AM, MONDAY_11AM, CALENDAR)).as("already running").isEmpty();
		assertThat(this.clock.pause(FRIDAY_3PM, MONDAY_11AM)).as("the request answered already").isEmpty();
		assertThat(this.clock.snapshot()).isEqualTo(afterResume);
		assertThat(this.clock.pause(MONDAY_11AM.plusSeconds(60), MONDAY_11AM.plusSeconds(60)))
			.as("a new request after the resumption pauses again")
			.isPresent();
	}

	@Test
	void anAnswerWhilePausedMeetsTheClock() {
		this.clock.pause(FRIDAY_3PM, FRIDAY_3PM);

		assertThat(this.clock.respond(MONDAY_11AM, MONDAY_11AM)).singleElement().isInstanceOf(Met.class);
		assertThat(this.clock.state()).isEqualTo(ClockState.MET);
	}

	@Test
	void aReassignedClockNamesTheNewAssigneeInLaterEvents() {
		assertThat(this.clock.reassign("sam.k")).isTrue();
		assertThat(this.clock.reassign("sam.k")).as("the same assignee again").isFalse();

		assertThat(this.clock.pause(FRIDAY_3PM, FRIDAY_3PM))
			.hasValueSatisfying((paused) -> assertThat(paused.assigneeId()).isEqualTo("sam.k"));
	}

	@Test
	void aCancelledClockHasNoTimerAndIgnoresLaterAnswers() {
		ClockCancelled cancelled = this.clock.cancel("SUPERSEDED_BY_NEW_PROMISE", FRIDAY_3PM, FRIDAY_3PM).orElseThrow();

		assertThat(cancelled.reasonCode()).isEqualTo("SUPERSEDED_BY_NEW_PROMISE");
		assertThat(this.clock.state()).isEqualTo(ClockState.CANCELLED);
		assertThat(this.clock.pendingTimer()).isEmpty();
		assertThat(this.clock.cancel("SUPERSEDED_BY_NEW_PROMISE", FRIDAY_3PM, FRIDAY_3PM)).isEmpty();
		assertThat(this.clock.respond(MONDAY_11AM, MONDAY_11AM)).isEmpty();
		assertThat(this.clock.reassign("sam.k")).isFalse();
	}

	@Test
	void eachPromiseIsItsOwnClock() {
		Instant promised = Instant.parse("2026-12-08T17:00:00Z");

		assertThat(DeadlineClock.promisedIdFor("contact-1", promised))
			.isEqualTo(DeadlineClock.promisedIdFor("contact-1", promised))
			.isNotEqualTo(DeadlineClock.promisedIdFor("contact-1", promised.plusSeconds(3600)))
			.isNotEqualTo(DeadlineClock.idFor("contact-1"));
	}

}
