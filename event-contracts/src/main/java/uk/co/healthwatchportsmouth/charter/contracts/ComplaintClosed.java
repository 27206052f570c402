package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complaint was closed; any clock still running for it stops.
 */
public record ComplaintClosed(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant closedAt) implements CharterEvent {

	public ComplaintClosed {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(closedAt, "closedAt");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
