package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Why a deadline is what it is: the day counting started from, the working days counted
 * after it and each day skipped on the way, with its reason.
 *
 * @param receivedAt when the contact arrived
 * @param countingDay D0: the receipt's own date if that was a working day before closing,
 * otherwise the next working day
 * @param workingDaysCounted the N working days after D0; the last is the due day
 * @param skippedDays the non-working days from the receipt's date to the due day
 * @param dueAt office close on the last counted day
 */
public record DeadlineExplanation(Instant receivedAt, LocalDate countingDay, List<LocalDate> workingDaysCounted,
		List<SkippedDay> skippedDays, Instant dueAt) {

	public DeadlineExplanation {
		workingDaysCounted = List.copyOf(workingDaysCounted);
		skippedDays = List.copyOf(skippedDays);
	}

}
