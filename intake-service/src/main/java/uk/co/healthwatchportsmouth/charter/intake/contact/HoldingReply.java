package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/**
 * A holding reply told the customer why a full answer takes longer and by when to expect
 * it.
 *
 * @param reasonCode a code such as AWAITING_PROVIDER, never free text
 */
public record HoldingReply(Instant sentAt, String reasonCode, Instant promisedBy) {

}
