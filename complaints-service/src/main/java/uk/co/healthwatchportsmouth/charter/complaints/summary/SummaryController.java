package uk.co.healthwatchportsmouth.charter.complaints.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.complaints.complaint.Complaint;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintService;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;

/** The complaints report, as JSON or CSV. */
@RestController
@Tag(name = "Complaints report")
class SummaryController {

	static final String TEXT_CSV = "text/csv";

	/** About ten years: a longer period is more likely a typing error than a report. */
	private static final int LONGEST_PERIOD_DAYS = 3660;

	private final ComplaintService complaints;

	SummaryController(ComplaintService complaints) {
		this.complaints = complaints;
	}

	@GetMapping(path = "/complaints/summary", produces = { MediaType.APPLICATION_JSON_VALUE, TEXT_CSV })
	@Operation(summary = "Counts of the complaints received in a period",
			description = "Days in Europe/London, both inclusive, by receivedAt: counts by kind, state, outcome, "
					+ "apology given, acknowledged and responded on time / late / pending (against the deadlines "
					+ "sla-service reported, an agreed extension's date replacing the old one), extensions agreed, "
					+ "escalations by stage and signposting by destination. JSON by default; CSV rows "
					+ "measure,key,count with Accept: text/csv.")
	@ApiResponse(responseCode = "200", description = "The report", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintSummary.class)),
			@Content(mediaType = TEXT_CSV,
					examples = @ExampleObject(name = "csv",
							value = "measure,key,count\r\ntotal,,3\r\nkind,ABOUT_US,2\r\nkind,ABOUT_PROVIDER,1\r\n")) })
	@ApiResponse(responseCode = "400", description = "from or to missing, not a date, or from after to",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> summary(
			@Parameter(description = "First day (Europe/London)",
					example = "2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "Last day (Europe/London)",
					example = "2026-11-30") @RequestParam(required = false) String to,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (first.isAfter(last)) {
			throw new InvalidFieldException("from", "must not be after to");
		}
		if (first.plusDays(LONGEST_PERIOD_DAYS).isBefore(last)) {
			throw new InvalidFieldException("to", "must be at most " + LONGEST_PERIOD_DAYS + " days after from");
		}
		ComplaintSummary summary = ComplaintSummary.of(first, last,
				this.complaints.receivedBetween(first.atStartOfDay(Complaint.LONDON).toInstant(),
						last.plusDays(1).atStartOfDay(Complaint.LONDON).toInstant()));
		if (accept != null && accept.contains(TEXT_CSV)) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"complaints-summary-" + first + "-to-" + last + ".csv\"")
				.body(summary.toCsv());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(name, "is required (a date, e.g. 2026-11-01)");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(name, "must be a date, e.g. 2026-11-01");
		}
	}

}
