package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone started investigating the complaint.
 */
public record ComplaintInvestigationStarted(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant startedAt) implements CharterEvent {

	public ComplaintInvestigationStarted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(startedAt, "startedAt");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
