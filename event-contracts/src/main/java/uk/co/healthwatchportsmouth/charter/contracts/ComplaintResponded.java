package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complainant received our response with its outcome.
 */
public record ComplaintResponded(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant respondedAt, String outcome, boolean apologyGiven, Instant apologyGivenAt) implements CharterEvent {

	public ComplaintResponded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(respondedAt, "respondedAt");
		Objects.requireNonNull(outcome, "outcome");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
