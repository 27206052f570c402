package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** The outcome of a response, at the first stage or an escalation stage. */
public enum Outcome {

	UPHELD, PARTLY_UPHELD, NOT_UPHELD

}
