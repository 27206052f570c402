package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import uk.co.healthwatchportsmouth.charter.support.problem.ProblemDetailsAdvice.FieldProblem;

/**
 * Answers broken complaint rules as problem+json in the shape of the shared
 * {@code ProblemDetailsAdvice}: an {@code errors} list naming the field at fault; a
 * refused step also names the complaint's {@code state} and the attempted {@code action}.
 */
@RestControllerAdvice
class ComplaintProblems {

	static final URI INVALID_TRANSITION = URI
		.create("https://charter.healthwatchportsmouth.co.uk/problems/invalid-transition");

	static final URI STALE = URI.create("https://charter.healthwatchportsmouth.co.uk/problems/stale-version");

	@ExceptionHandler(ComplaintTransitionRefusedException.class)
	ResponseEntity<ProblemDetail> refused(ComplaintTransitionRefusedException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		body.setType(INVALID_TRANSITION);
		body.setTitle("Invalid transition");
		body.setProperties(Map.of("state", ex.state().name(), "action", ex.action(), "errors",
				List.of(new FieldProblem("state", "is " + ex.state()))));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler(InvalidComplaintException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidComplaintException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.field() + " " + ex.getMessage());
		body.setProperties(Map.of("errors", List.of(new FieldProblem(ex.field(), ex.getMessage()))));
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(StaleComplaintException.class)
	ResponseEntity<ProblemDetail> stale(StaleComplaintException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		body.setType(STALE);
		body.setTitle("Stale version");
		body.setProperties(Map.of("errors", List.of(new FieldProblem("If-Match", "is not the current ETag"))));
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(body);
	}

}
