package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;

/**
 * Who took a complaint through which step, and when. Facts only, never the complainant's
 * data or free text.
 *
 * @param staffId from {@code X-Staff-Id}; "unidentified" when none was given, "intake"
 * for complaints escalated from a contact without a member of staff
 */
public record HistoryEntry(Instant at, String staffId, String action, ComplaintState fromState,
		ComplaintState toState) {

}
