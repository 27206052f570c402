package uk.co.healthwatchportsmouth.charter.intake.contact;

/**
 * Where a contact is in its lifecycle. RESOLVED and ESCALATED are closed: nothing but
 * feedback (after RESOLVED) and erasure changes a closed contact.
 */
public enum ContactStatus {

	OPEN, HOLDING_REPLY_SENT, AWAITING_INFORMATION, RESPONDED, RESOLVED, ESCALATED;

	boolean isClosed() {
		return this == RESOLVED || this == ESCALATED;
	}

}
