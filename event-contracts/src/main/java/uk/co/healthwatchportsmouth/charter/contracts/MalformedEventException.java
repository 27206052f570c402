package uk.co.healthwatchportsmouth.charter.contracts;

/**
 * A record that no amount of retrying will make readable; it belongs in a dead-letter
 * topic.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
