package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** A deadline clock started for a contact under a charter standard. */
public record ClockStarted(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant startedAt, Instant dueAt, Instant reminderAt) implements CharterEvent {

	public ClockStarted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(dueAt, "dueAt");
	}

}
