package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's contact was resolved at the first point of contact, with no further
 * answer owed; counted as a first-contact resolution.
 */
public record ContactResolvedAtFirstContact(String eventId, Instant occurredAt, String contactId, Instant resolvedAt,
		String resolvedBy) implements CharterEvent {

	public ContactResolvedAtFirstContact {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(resolvedAt, "resolvedAt");
	}

}
