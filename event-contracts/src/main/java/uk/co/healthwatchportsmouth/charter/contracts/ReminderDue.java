package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock's reminder point was reached before its deadline. {@code scheduledAt} is when
 * the timer was due and {@code firedAt} when it fired, so any consumer can measure
 * lateness.
 */
public record ReminderDue(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, Instant scheduledAt, Instant firedAt) implements CharterEvent {

	public ReminderDue {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(scheduledAt, "scheduledAt");
		Objects.requireNonNull(firedAt, "firedAt");
	}

}
