package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/**
 * What to search contacts by; {@code null} fields do not filter. {@code dueBefore} and
 * {@code breached} look at the projected {@link SlaProjection}: a contact with no open
 * clock has no deadline and is not breached.
 */
record ContactFilter(ContactStatus status, Channel channel, String assigneeId, Instant receivedAfter,
		Instant receivedBefore, Instant dueBefore, Boolean breached) {

	ContactFilter(ContactStatus status, Channel channel, String assigneeId, Instant receivedAfter,
			Instant receivedBefore) {
		this(status, channel, assigneeId, receivedAfter, receivedBefore, null, null);
	}

}
