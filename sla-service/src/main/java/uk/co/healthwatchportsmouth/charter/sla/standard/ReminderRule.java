package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where a standard reminds the assignee, in working time.
 *
 * @param fractions fractions of the working time from receipt to deadline (0.5 is
 * half-way)
 * @param beforeDeadline working time before the deadline, e.g. two working hours
 */
public record ReminderRule(List<Double> fractions, List<Duration> beforeDeadline) {

	/** The charter's default: half-way, and two working hours before the deadline. */
	public static final ReminderRule DEFAULT = new ReminderRule(List.of(0.5), List.of(Duration.ofHours(2)));

	public ReminderRule {
		fractions = List.copyOf(Objects.requireNonNull(fractions, "fractions"));
		beforeDeadline = List.copyOf(Objects.requireNonNull(beforeDeadline, "beforeDeadline"));
		fractions.forEach((fraction) -> {
			if (!(fraction > 0 && fraction < 1)) {
				throw new IllegalArgumentException("A reminder fraction lies between 0 and 1; got " + fraction);
			}
		});
		beforeDeadline.forEach((offset) -> {
			if (offset.isNegative() || offset.isZero()) {
				throw new IllegalArgumentException(
						"A reminder comes a positive time before the deadline; got " + offset);
			}
		});
	}

}
