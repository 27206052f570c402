package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A breached clock is still unanswered: escalated again to the assignee and their
 * manager, once each working morning. {@code escalation} counts from 1 (the first morning
 * after the breach).
 */
public record Escalated(String eventId, Instant occurredAt, String clockId, String contactId, String standard,
		String assigneeId, Instant dueAt, int escalation, Instant scheduledAt,
		Instant firedAt) implements CharterEvent {

	public Escalated {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
		Objects.requireNonNull(scheduledAt, "scheduledAt");
		Objects.requireNonNull(firedAt, "firedAt");
	}

}
