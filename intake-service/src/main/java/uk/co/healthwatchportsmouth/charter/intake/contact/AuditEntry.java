package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/**
 * Who did what to a contact, and when. {@code detail} holds facts only (a staff id, a
 * status), never the customer's data.
 *
 * @param staffId the member of staff, from the {@code X-Staff-Id} header; "unidentified"
 * when none was given, "retention" for the retention job
 */
public record AuditEntry(Instant at, String staffId, String action, String detail) {

}
