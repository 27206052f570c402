package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** Where a complaint is in the procedure. */
public enum ComplaintState {

	RECEIVED, ACKNOWLEDGED, INVESTIGATING, RESPONDED, ESCALATED, CLOSED, SIGNPOSTED, WITHDRAWN;

	/** Closed complaints refuse every step but escalation (CLOSED only) and lessons. */
	public boolean isClosed() {
		return this == CLOSED || this == SIGNPOSTED || this == WITHDRAWN;
	}

}
