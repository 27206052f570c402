package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * When the office is open on a working day.
 *
 * @param opensAt local opening time
 * @param closesAt local closing time; deadlines fall at this time
 */
public record OfficeHours(LocalTime opensAt, LocalTime closesAt) {

	/** 09:00-17:00, the charter's default. */
	public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

	public OfficeHours {
		Objects.requireNonNull(opensAt, "opensAt");
		Objects.requireNonNull(closesAt, "closesAt");
		if (!opensAt.isBefore(closesAt)) {
			throw new IllegalArgumentException("The office must open before it closes: " + opensAt + "-" + closesAt);
		}
	}

}
