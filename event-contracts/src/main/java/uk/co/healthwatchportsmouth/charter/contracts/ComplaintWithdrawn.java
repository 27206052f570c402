package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complainant withdrew the complaint; any clock still running for it stops.
 */
public record ComplaintWithdrawn(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant withdrawnAt) implements CharterEvent {

	public ComplaintWithdrawn {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(withdrawnAt, "withdrawnAt");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
