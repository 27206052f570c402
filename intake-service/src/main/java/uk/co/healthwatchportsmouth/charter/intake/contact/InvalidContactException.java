package uk.co.healthwatchportsmouth.charter.intake.contact;

/**
 * A request breaks one of the contact's rules; {@code field} names the request field at
 * fault so the client can show the message beside it.
 */
public class InvalidContactException extends RuntimeException {

	private final String field;

	public InvalidContactException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
