package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/** The contact moved from one member of staff to another. */
public record ContactReassigned(String eventId, Instant occurredAt, String contactId, String fromAssigneeId,
		String toAssigneeId, String reassignedBy) implements CharterEvent {

	public ContactReassigned {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(fromAssigneeId, "fromAssigneeId");
		Objects.requireNonNull(toAssigneeId, "toAssigneeId");
	}

}
