package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complainant was not satisfied and the complaint went to the next stage configured
 * for the organisation, with its own deadline of {@code workingDays} working days from
 * {@code escalatedAt}.
 */
public record ComplaintEscalated(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant escalatedAt, String stage, int stageNumber, int workingDays) implements CharterEvent {

	public ComplaintEscalated {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(escalatedAt, "escalatedAt");
		Objects.requireNonNull(stage, "stage");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
