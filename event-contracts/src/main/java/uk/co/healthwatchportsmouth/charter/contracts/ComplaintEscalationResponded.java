package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The escalation stage gave its response.
 */
public record ComplaintEscalationResponded(String eventId, Instant occurredAt, String complaintId, String handlerId,
		String stage, Instant respondedAt, String outcome) implements CharterEvent {

	public ComplaintEscalationResponded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(stage, "stage");
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
