package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Staff logged a contact from a customer; its charter clock starts at {@code receivedAt}.
 *
 * @param customerType optional: PATIENT, PUBLIC, COMMISSIONER, PROVIDER,
 * COMMUNITY_ORGANISATION or OTHER
 * @param needsSummary optional: a non-identifying summary of the customer's communication
 * needs, e.g. "large print; interpreter: Polish", so staff answer in the right way
 */
public record ContactReceived(String eventId, Instant occurredAt, String contactId, String channel, Instant receivedAt,
		String assigneeId, String customerType, String needsSummary) implements CharterEvent {

	public ContactReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(assigneeId, "assigneeId");
	}

	public ContactReceived(String eventId, Instant occurredAt, String contactId, String channel, Instant receivedAt,
			String assigneeId) {
		this(eventId, occurredAt, contactId, channel, receivedAt, assigneeId, null, null);
	}

}
