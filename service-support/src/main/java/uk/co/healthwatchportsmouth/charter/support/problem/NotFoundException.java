package uk.co.healthwatchportsmouth.charter.support.problem;

/** The resource a request names does not exist; answered as a 404 problem. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
