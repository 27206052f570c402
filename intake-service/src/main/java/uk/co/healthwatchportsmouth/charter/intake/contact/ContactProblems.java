package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import uk.co.healthwatchportsmouth.charter.support.problem.ProblemDetailsAdvice.FieldProblem;

/**
 * Answers broken contact rules as problem+json in the same shape as the shared
 * {@code ProblemDetailsAdvice}: an {@code errors} list naming the field at fault.
 */
@RestControllerAdvice
class ContactProblems {

	@ExceptionHandler(InvalidContactException.class)
	ResponseEntity<ProblemDetail> invalidContact(InvalidContactException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.field() + " " + ex.getMessage(), ex.field(), ex.getMessage());
	}

	@ExceptionHandler(ContactAlreadyRespondedException.class)
	ResponseEntity<ProblemDetail> alreadyResponded(ContactAlreadyRespondedException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), "status", "is already RESPONDED");
	}

	@ExceptionHandler(InvalidTransitionException.class)
	ResponseEntity<ProblemDetail> invalidTransition(InvalidTransitionException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), "status", "is " + ex.status());
	}

	@ExceptionHandler(StaleContactException.class)
	ResponseEntity<ProblemDetail> stale(StaleContactException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, ex.getMessage(), "If-Match", "is not the current ETag");
	}

	@ExceptionHandler(UnprocessableChangeException.class)
	ResponseEntity<ProblemDetail> unprocessable(UnprocessableChangeException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.field() + " " + ex.getMessage(), ex.field(),
				ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field,
			String message) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setProperties(Map.of("errors", List.of(new FieldProblem(field, message))));
		return ResponseEntity.status(status).body(body);
	}

}
