package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complaint moved from one member of staff to another.
 */
public record ComplaintReassigned(String eventId, Instant occurredAt, String complaintId, String previousHandlerId,
		String handlerId, Instant reassignedAt) implements CharterEvent {

	public ComplaintReassigned {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(handlerId, "handlerId");
		Objects.requireNonNull(reassignedAt, "reassignedAt");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
