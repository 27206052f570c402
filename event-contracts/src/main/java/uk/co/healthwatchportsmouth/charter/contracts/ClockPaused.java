package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock stopped counting because staff are waiting for information from the customer;
 * no reminder or breach fires until it resumes.
 */
public record ClockPaused(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, Instant pausedAt) implements CharterEvent {

	public ClockPaused {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(pausedAt, "pausedAt");
	}

}
