package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A later response date the complainant agreed to.
 *
 * @param stage {@code null} for the first response, else the escalation stage's code
 * @param reason free text, never published
 */
public record Extension(Instant agreedAt, LocalDate newDueDate, String stage, String reason) {

}
