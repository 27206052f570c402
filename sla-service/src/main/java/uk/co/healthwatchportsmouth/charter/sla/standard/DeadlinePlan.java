package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.LocalDate;
import java.util.List;

import uk.co.healthwatchportsmouth.charter.calendar.SkippedDay;

/**
 * A deadline with its explanation: the day counting started from, the working days
 * counted and each day skipped with its reason in plain English.
 *
 * @param deadline the deadline and its reminders
 * @param countingDay D0 for a working-days standard, otherwise the receipt's local date
 * @param workingDaysCounted the working days counted after D0 (empty for promised times
 * and daily checks)
 * @param skippedDays the days from receipt to deadline that did not count, and why
 */
public record DeadlinePlan(Deadline deadline, LocalDate countingDay, List<LocalDate> workingDaysCounted,
		List<SkippedDay> skippedDays) {

	public DeadlinePlan {
		workingDaysCounted = List.copyOf(workingDaysCounted);
		skippedDays = List.copyOf(skippedDays);
	}

}
