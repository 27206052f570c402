package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** The contact, already answered, was closed as resolved. */
public record ContactResolved(String eventId, Instant occurredAt, String contactId, Instant resolvedAt,
		String resolvedBy) implements CharterEvent {

	public ContactResolved {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(resolvedAt, "resolvedAt");
	}

}
