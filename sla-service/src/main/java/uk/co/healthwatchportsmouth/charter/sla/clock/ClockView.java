package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.co.healthwatchportsmouth.charter.calendar.SkippedDay;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;

/**
 * A clock as the HTTP API shows it; instants in UTC, absent facts as null.
 * {@code reminderAt} is the next reminder still to be sent; {@code reminders} all
 * reminder points. {@code explanation} says why the deadline is what it is.
 * {@code pausedAt}/{@code resumedAt} are the last pause and resumption;
 * {@code cancelledAt} when a clock was cancelled. {@code dueByAgreement} says the
 * deadline is a date agreed with the customer (a complaint's extension).
 */
public record ClockView(String id, String contactId, String standard, int standardVersion, ClockState state,
		String assigneeId, Instant startedAt, Instant dueAt, Instant reminderAt, List<Instant> reminders,
		int remindersSent, Instant reminderSentAt, Instant breachedAt, Instant respondedAt, int escalationsSent,
		Instant nextEscalationAt, Explanation explanation, Instant pausedAt, Instant resumedAt, Instant cancelledAt,
		boolean dueByAgreement) {

	/**
	 * @param countingDay the day working days count from (D0)
	 * @param workingDaysCounted the working days after D0 up to the due day
	 * @param skippedDays days from receipt to deadline that did not count, and why
	 */
	public record Explanation(LocalDate countingDay, List<LocalDate> workingDaysCounted, List<SkippedDay> skippedDays) {

		static Explanation of(DeadlineClock clock, WorkingCalendar calendar) {
			LocalDate receivedOn = clock.startedAt().atZone(calendar.zone()).toLocalDate();
			LocalDate dueOn = clock.dueAt().atZone(calendar.zone()).toLocalDate();
			LocalDate countingDay = calendar.countingDay(clock.startedAt());
			List<LocalDate> counted = new ArrayList<>();
			for (LocalDate day = countingDay.plusDays(1); !day.isAfter(dueOn); day = day.plusDays(1)) {
				if (calendar.isWorkingDay(day)) {
					counted.add(day);
				}
			}
			return new Explanation(countingDay, counted, calendar.skippedDays(receivedOn, dueOn));
		}

	}

	static ClockView of(DeadlineClock clock, WorkingCalendar calendar) {
		return new ClockView(clock.id(), clock.contactId(), clock.standard(), clock.standardVersion(), clock.state(),
				clock.assigneeId(), clock.startedAt(), clock.dueAt(), clock.reminderAt().orElse(null),
				clock.reminderPoints(), clock.remindersSent(), clock.reminderSentAt().orElse(null),
				clock.breachedAt().orElse(null), clock.respondedAt().orElse(null), clock.escalationsSent(),
				clock.nextEscalationAt().orElse(null), Explanation.of(clock, calendar), clock.pausedAt().orElse(null),
				clock.resumedAt().orElse(null), clock.cancelledAt().orElse(null), clock.dueByAgreement());
	}

}
