package uk.co.healthwatchportsmouth.charter.sla.standard;

/** How a standard sets its deadline. */
public enum StandardKind {

	/** Office close on the Nth working day after the counting day, e.g. EMAIL in 2. */
	WORKING_DAYS,

	/** The date and time staff promised the customer. */
	PROMISED,

	/** A daily duty: done by a local time each working day, e.g. answerphone by 10:00. */
	DAILY_CHECK

}
