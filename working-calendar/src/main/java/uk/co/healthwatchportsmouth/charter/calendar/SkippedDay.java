package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that did not count towards a deadline, and why.
 *
 * @param date the local date
 * @param reason plain English, e.g. {@code weekend}, {@code Boxing Day},
 * {@code office closed}
 */
public record SkippedDay(LocalDate date, String reason) {

	public SkippedDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(reason, "reason");
	}

}
