package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/** What to search contacts by; {@code null} fields do not filter. */
record ContactFilter(ContactStatus status, Channel channel, String assigneeId, Instant receivedAfter,
		Instant receivedBefore) {

}
