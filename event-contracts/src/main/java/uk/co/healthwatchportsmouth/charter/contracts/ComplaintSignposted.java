package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint about a provider was signposted to the right body; this acknowledges and
 * closes it.
 */
public record ComplaintSignposted(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant signpostedAt, String signpostedTo, boolean consentToShare) implements CharterEvent {

	public ComplaintSignposted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(signpostedAt, "signpostedAt");
		Objects.requireNonNull(signpostedTo, "signpostedTo");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
