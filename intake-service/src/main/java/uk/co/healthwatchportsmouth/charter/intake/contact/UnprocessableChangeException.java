package uk.co.healthwatchportsmouth.charter.intake.contact;

/**
 * A well-formed request that the contact cannot take (422), e.g. a promise that lies
 * before the holding reply; {@code field} names the request field at fault.
 */
public class UnprocessableChangeException extends RuntimeException {

	private final String field;

	public UnprocessableChangeException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
