package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** A clock reached its deadline without a response: the charter promise is broken. */
public record Breached(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, Instant scheduledAt, Instant firedAt) implements CharterEvent {

	public Breached {
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
