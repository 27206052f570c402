package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** The customer was answered by the deadline: the charter promise is kept. */
public record Met(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, Instant respondedAt) implements CharterEvent {

	public Met {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(respondedAt, "respondedAt");
	}

}
