package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer was sent a holding reply telling them to expect a full answer by
 * {@code promisedBy}; this starts a promised-response clock.
 *
 * @param reasonCode why a full answer takes longer, e.g. AWAITING_PROVIDER (a code, never
 * free text)
 */
public record HoldingReplySent(String eventId, Instant occurredAt, String contactId, Instant sentAt, String sentBy,
		String reasonCode, Instant promisedBy) implements CharterEvent {

	public HoldingReplySent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(sentAt, "sentAt");
		Objects.requireNonNull(reasonCode, "reasonCode");
		Objects.requireNonNull(promisedBy, "promisedBy");
	}

}
