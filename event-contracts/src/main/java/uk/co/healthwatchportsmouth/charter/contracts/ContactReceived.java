package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Staff logged a contact from a customer; its charter clock starts at {@code receivedAt}.
 */
public record ContactReceived(String eventId, Instant occurredAt, String contactId, String channel, Instant receivedAt,
		String assigneeId) implements CharterEvent {

	public ContactReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(assigneeId, "assigneeId");
	}

}
