package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** A value that breaks a complaint rule, named by its request field (400). */
public class InvalidComplaintException extends RuntimeException {

	private final String field;

	public InvalidComplaintException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
