package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** The information asked of the customer arrived (paused clocks resume). */
public record InformationReceived(String eventId, Instant occurredAt, String contactId, Instant receivedAt,
		String recordedBy) implements CharterEvent {

	public InformationReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(receivedAt, "receivedAt");
	}

}
