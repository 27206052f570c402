package uk.co.healthwatchportsmouth.charter.intake.contact;

/** Whether the customer has been answered yet. */
public enum ContactStatus {

	OPEN, RESPONDED

}
