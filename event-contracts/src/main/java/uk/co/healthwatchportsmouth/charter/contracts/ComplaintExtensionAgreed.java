package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The complainant agreed to a later response date. The old deadline no longer counts: the
 * response is due at the close of business on {@code newDueDate}.
 *
 * @param stage null for the first response, otherwise the escalation stage whose response
 * is extended
 */
public record ComplaintExtensionAgreed(String eventId, Instant occurredAt, String complaintId, String handlerId,
		Instant agreedAt, LocalDate newDueDate, String stage) implements CharterEvent {

	public ComplaintExtensionAgreed {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(complaintId, "complaintId");
		Objects.requireNonNull(agreedAt, "agreedAt");
		Objects.requireNonNull(newDueDate, "newDueDate");
	}

	/**
	 * Complaint events are keyed by the complaint: it is the item their clocks follow.
	 */
	@Override
	public String contactId() {
		return this.complaintId;
	}

}
