package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The contact became a complaint: complaints-service takes it over. Carries ids and facts
 * only; complaints-service reads anything else it needs from intake-service by id.
 *
 * @param customerId the stable, non-identifying id of the customer in intake-service
 */
public record ContactEscalatedToComplaint(String eventId, Instant occurredAt, String contactId, Instant escalatedAt,
		String escalatedBy, String customerId, String channel, String customerType) implements CharterEvent {

	public ContactEscalatedToComplaint {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(escalatedAt, "escalatedAt");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(channel, "channel");
	}

}
