package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** Staff asked the customer for information and are waiting for it (clocks pause). */
public record InformationRequested(String eventId, Instant occurredAt, String contactId, Instant requestedAt,
		String requestedBy) implements CharterEvent {

	public InformationRequested {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

}
