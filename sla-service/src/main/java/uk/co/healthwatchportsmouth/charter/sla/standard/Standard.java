package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.util.Objects;

/**
 * A charter promise: answer within so many working days, e.g. EMAIL within 2.
 *
 * @param name the name events and reports use, e.g. {@code EMAIL}
 * @param workingDays working days after the counting day by which to respond
 */
public record Standard(String name, int workingDays) {

	public Standard {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A standard needs a name");
		}
		if (workingDays < 1) {
			throw new IllegalArgumentException(
					"Standard " + name + " must give at least one working day; got " + workingDays);
		}
	}

}
