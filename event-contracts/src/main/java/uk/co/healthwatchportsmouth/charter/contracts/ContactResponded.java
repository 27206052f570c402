package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** The customer was answered at {@code respondedAt}. */
public record ContactResponded(String eventId, Instant occurredAt, String contactId, Instant respondedAt,
		String respondedBy) implements CharterEvent {

	public ContactResponded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(respondedAt, "respondedAt");
	}

}
