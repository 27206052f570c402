package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A paused clock counts again: the information arrived. The deadline moved later by the
 * working time the clock was paused.
 */
public record ClockResumed(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant pausedAt, Instant resumedAt, Instant previousDueAt,
		Instant dueAt) implements CharterEvent {

	public ClockResumed {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(pausedAt, "pausedAt");
		Objects.requireNonNull(resumedAt, "resumedAt");
		Objects.requireNonNull(previousDueAt, "previousDueAt");
		Objects.requireNonNull(dueAt, "dueAt");
	}

}
