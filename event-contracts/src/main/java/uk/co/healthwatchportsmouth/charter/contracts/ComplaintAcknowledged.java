package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The complainant was told we received the complaint. The response is due
 * {@code responseWorkingDays} working days after {@code acknowledgedAt}.
 */
public record ComplaintAcknowledged(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant acknowledgedAt, int responseWorkingDays) implements CharterEvent {

	public ComplaintAcknowledged {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
