package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock's deadline moved, e.g. because a bank holiday was announced or an office
 * closure added.
 *
 * @param reason plain English, e.g. "Bank holiday added: 2026-06-08 (One-off bank
 * holiday)"
 */
public record DeadlineChanged(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant previousDueAt, Instant dueAt, String reason) implements CharterEvent {

	public DeadlineChanged {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(previousDueAt, "previousDueAt");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(reason, "reason");
	}

}
