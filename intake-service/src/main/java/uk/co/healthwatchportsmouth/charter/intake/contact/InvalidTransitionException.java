package uk.co.healthwatchportsmouth.charter.intake.contact;

/** A lifecycle step that the contact's current status does not allow. */
public class InvalidTransitionException extends RuntimeException {

	private final ContactStatus status;

	public InvalidTransitionException(String contactId, ContactStatus status, String step) {
		super("Contact " + contactId + " is " + status + ": cannot " + step);
		this.status = status;
	}

	public ContactStatus status() {
		return this.status;
	}

}
