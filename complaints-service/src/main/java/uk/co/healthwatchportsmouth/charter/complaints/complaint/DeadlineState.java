package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** A complaint deadline as sla-service last reported it. */
public enum DeadlineState {

	RUNNING, MET, BREACHED, MET_AFTER_BREACH, CANCELLED;

	boolean isFinal() {
		return this == MET || this == MET_AFTER_BREACH || this == CANCELLED;
	}

}
