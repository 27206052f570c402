package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline moved to a date agreed with the customer (a complaint's extension).
 */
class DeadlineByAgreementTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	/** Acknowledged on Tuesday 1 December 2026; 20 working days to respond. */
	private static final Instant ACKNOWLEDGED = Instant.parse("2026-12-01T10:00:00Z");

	private static final Instant REMINDER_AT = Instant.parse("2026-12-15T10:00:00Z");

	private static final Instant DUE_AT = Instant.parse("2026-12-31T17:00:00Z");

	/**
	 * The close of business of Friday 15 January 2027, the date the complainant agreed.
	 */
	private static final Instant AGREED_DUE_AT = Instant.parse("2027-01-15T17:00:00Z");

	private static final List<Instant> AGREED_REMINDERS = List.of(Instant.parse("2027-01-08T09:00:00Z"),
			Instant.parse("2027-01-15T15:00:00Z"));

	private static final String REASON = "Extension agreed with the complainant: response now due 2027-01-15";

	private final DeadlineClock clock = DeadlineClock
		.start("response-clock", "complaint-1", "jo",
				new Deadline("COMPLAINT_RESPONSE", 1, ACKNOWLEDGED, DUE_AT, List.of(REMINDER_AT)), 20, ACKNOWLEDGED)
		.clock();

	@Test
	void aRunningClockMovesToTheAgreedDeadlineWithItsRemindersReplanned() {
		Instant now = Instant.parse("2026-12-10T11:00:00Z");

		Optional<DeadlineChanged> changed = this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON,
				now, CALENDAR);

		assertThat(changed).hasValueSatisfying((event) -> {
			assertThat(event.eventId())
				.isEqualTo(EventIds.of("response-clock", "deadline-changed", AGREED_DUE_AT.toString()));
			assertThat(event.previousDueAt()).isEqualTo(DUE_AT);
			assertThat(event.dueAt()).isEqualTo(AGREED_DUE_AT);
			assertThat(event.reason()).isEqualTo(REASON);
			assertThat(event.standard()).isEqualTo("COMPLAINT_RESPONSE");
			assertThat(event.contactId()).isEqualTo("complaint-1");
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.RUNNING);
		assertThat(this.clock.dueAt()).isEqualTo(AGREED_DUE_AT);
		assertThat(this.clock.dueByAgreement()).isTrue();
		assertThat(this.clock.reminderPoints()).as("the old reminder is replaced by the new plan")
			.isEqualTo(AGREED_REMINDERS);
		assertThat(this.clock.pendingTimer()).contains(new Timer(TimerKind.REMINDER, AGREED_REMINDERS.get(0)));
	}

	@Test
	void remindersAlreadySentStaySentAndOnlyLaterPointsAreAdded() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR);
		List<Instant> plannedFromTheAgreement = List.of(Instant.parse("2026-12-14T09:00:00Z"),
				Instant.parse("2027-01-15T15:00:00Z"));

		this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, plannedFromTheAgreement, REASON, REMINDER_AT, CALENDAR);

		assertThat(this.clock.reminderPoints()).containsExactly(REMINDER_AT, Instant.parse("2027-01-15T15:00:00Z"));
		assertThat(this.clock.remindersSent()).isEqualTo(1);
		assertThat(this.clock.pendingTimer())
			.contains(new Timer(TimerKind.REMINDER, Instant.parse("2027-01-15T15:00:00Z")));
	}

	@Test
	void theOldDeadlineNoLongerCountsSoAnAnswerAfterItButBeforeTheAgreedOneMeetsTheClock() {
		this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON, ACKNOWLEDGED, CALENDAR);
		Instant answeredAfterTheOldDeadline = DUE_AT.plusSeconds(3600 * 24 * 5);

		List<CharterEvent> caused = this.clock.respond(answeredAfterTheOldDeadline, answeredAfterTheOldDeadline);

		assertThat(caused).singleElement().isInstanceOfSatisfying(Met.class, (met) -> {
			assertThat(met.dueAt()).isEqualTo(AGREED_DUE_AT);
			assertThat(met.respondedAt()).isEqualTo(answeredAfterTheOldDeadline);
		});
		assertThat(this.clock.state()).isEqualTo(ClockState.MET);
	}

	@Test
	void theSameAgreementAgainChangesNothing() {
		this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON, ACKNOWLEDGED, CALENDAR);
		DeadlineClock.Snapshot once = this.clock.snapshot();

		assertThat(this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON, ACKNOWLEDGED, CALENDAR))
			.isEmpty();
		assertThat(this.clock.snapshot()).isEqualTo(once);
	}

	@Test
	void aBreachedClockStaysBreachedButIsReportedAgainstTheAgreedDeadlineAndEscalatesOnlyAfterIt() {
		this.clock.fire(new Timer(TimerKind.REMINDER, REMINDER_AT), REMINDER_AT, CALENDAR);
		this.clock.fire(new Timer(TimerKind.BREACH, DUE_AT), DUE_AT, CALENDAR);
		Instant agreedAt = Instant.parse("2027-01-04T11:00:00Z");

		Optional<DeadlineChanged> changed = this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON,
				agreedAt, CALENDAR);

		assertThat(changed).hasValueSatisfying((event) -> assertThat(event.dueAt()).isEqualTo(AGREED_DUE_AT));
		assertThat(this.clock.state()).as("the breach happened and was told").isEqualTo(ClockState.BREACHED);
		assertThat(this.clock.breachedAt()).contains(DUE_AT);
		assertThat(this.clock.dueAt()).isEqualTo(AGREED_DUE_AT);
		assertThat(this.clock.reminderPoints()).as("no reminders for a breached clock").containsExactly(REMINDER_AT);
		Instant mondayAfterTheAgreedFriday = Instant.parse("2027-01-18T09:00:00Z");
		assertThat(this.clock.pendingTimer()).as("no escalation until the agreed deadline has passed")
			.contains(new Timer(TimerKind.ESCALATION, mondayAfterTheAgreedFriday));

		CharterEvent escalation = this.clock.fire(new Timer(TimerKind.ESCALATION, mondayAfterTheAgreedFriday),
				mondayAfterTheAgreedFriday, CALENDAR);
		assertThat(escalation).isInstanceOfSatisfying(Escalated.class,
				(escalated) -> assertThat(escalated.dueAt()).isEqualTo(AGREED_DUE_AT));
		assertThat(this.clock.respond(mondayAfterTheAgreedFriday, mondayAfterTheAgreedFriday)).isEmpty();
		assertThat(this.clock.state()).isEqualTo(ClockState.MET_AFTER_BREACH);
	}

	@Test
	void aClockThatIsMetOrCancelledIsNotMoved() {
		DeadlineClock met = DeadlineClock
			.start("met-clock", "complaint-2", "jo",
					new Deadline("COMPLAINT_RESPONSE", 1, ACKNOWLEDGED, DUE_AT, List.of(REMINDER_AT)), 20, ACKNOWLEDGED)
			.clock();
		met.respond(REMINDER_AT, REMINDER_AT);
		this.clock.cancel("COMPLAINT_WITHDRAWN", REMINDER_AT, REMINDER_AT);

		assertThat(met.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON, REMINDER_AT, CALENDAR))
			.isEmpty();
		assertThat(this.clock.moveDeadlineByAgreement(AGREED_DUE_AT, AGREED_REMINDERS, REASON, REMINDER_AT, CALENDAR))
			.isEmpty();
		assertThat(met.dueAt()).isEqualTo(DUE_AT);
		assertThat(this.clock.dueAt()).isEqualTo(DUE_AT);
		assertThat(this.clock.dueByAgreement()).isFalse();
	}

	@Test
	void aClockKeepsTheWorkingDaysItsEventGaveIt() {
		assertThat(this.clock.workingDays()).contains(20);
		assertThat(DeadlineClock.restore(this.clock.snapshot()).workingDays()).contains(20);
		assertThat(DeadlineClock
			.start("contact-3", "jo", new Deadline("EMAIL", 1, ACKNOWLEDGED, DUE_AT, List.of()), ACKNOWLEDGED)
			.clock()
			.workingDays()).isEmpty();
	}

}
