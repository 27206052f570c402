package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock stopped for good without being met or breached, e.g. a promised response
 * superseded by a later promise.
 *
 * @param reasonCode why, as a code (e.g. SUPERSEDED_BY_NEW_PROMISE), never free text
 */
public record ClockCancelled(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, Instant cancelledAt, String reasonCode) implements CharterEvent {

	public ClockCancelled {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(cancelledAt, "cancelledAt");
		Objects.requireNonNull(reasonCode, "reasonCode");
	}

}
