package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a standard promises for one contact.
 *
 * @param standard the standard's name
 * @param startedAt when the contact was received, which is when its clock starts
 * @param dueAt when the response is due
 * @param reminderAt when to remind the assignee, or {@code null} when that point would
 * fall before the clock started
 */
public record Deadline(String standard, Instant startedAt, Instant dueAt, Instant reminderAt) {

	public Deadline {
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(dueAt, "dueAt");
		if (reminderAt != null && (reminderAt.isBefore(startedAt) || reminderAt.isAfter(dueAt))) {
			throw new IllegalArgumentException("The reminder must fall between start and deadline");
		}
	}

	public Optional<Instant> reminder() {
		return Optional.ofNullable(this.reminderAt);
	}

}
