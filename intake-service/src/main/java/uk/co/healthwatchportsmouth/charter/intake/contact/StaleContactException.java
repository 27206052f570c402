package uk.co.healthwatchportsmouth.charter.intake.contact;

/**
 * The client changed a contact from a version that is no longer the current one (412).
 */
public class StaleContactException extends RuntimeException {

	public StaleContactException(String contactId, long expected, long current) {
		super("Contact " + contactId + " is at version " + current + ", not " + expected + ": read it again and retry");
	}

}
