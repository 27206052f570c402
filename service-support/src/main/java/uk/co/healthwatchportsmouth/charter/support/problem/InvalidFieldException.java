package uk.co.healthwatchportsmouth.charter.support.problem;

import org.springframework.http.HttpStatus;

/** A request that is well-formed but wrong in one named field or parameter. */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	private final HttpStatus status;

	public InvalidFieldException(String field, String message) {
		this(HttpStatus.BAD_REQUEST, field, message);
	}

	public InvalidFieldException(HttpStatus status, String field, String message) {
		super(message);
		this.field = field;
		this.status = status;
	}

	public String field() {
		return this.field;
	}

	public HttpStatus status() {
		return this.status;
	}

}
