package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;

/**
 * What a clock listing selects on; a null filter selects everything.
 *
 * @param dueBefore clocks whose deadline is strictly before this instant
 */
public record ClockFilter(String contactId, String assigneeId, ClockState state, String standard, Instant dueBefore) {

	/** Only a contact given: that contact's clocks, listed as they always were. */
	boolean contactOnly() {
		return this.contactId != null && this.assigneeId == null && this.state == null && this.standard == null
				&& this.dueBefore == null;
	}

}
