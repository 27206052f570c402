package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint was received, directly or escalated from a contact. Its acknowledgement is
 * due within 5 working days of {@code receivedAt}.
 */
public record ComplaintReceived(String eventId, Instant occurredAt, String complaintId, String kind, String channel,
		Instant receivedAt, String handlerId, String originContactId, String customerId, String customerType,
		String needsSummary) implements CharterEvent {

	public ComplaintReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(handlerId, "handlerId");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
