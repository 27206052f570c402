package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.Acknowledgement;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.Classification;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.EscalationRequest;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.EscalationResponse;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.ExtensionRequest;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.Investigation;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.Lessons;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.NewComplaint;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.Reassignment;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.ResponseRequest;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintRequests.SignpostingRequest;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.security.ActingStaff;

/**
 * The complaints API: receive a complaint (once per {@code Idempotency-Key}), read and
 * list complaints, and take them through the procedure. Every step accepts
 * {@code If-Match} with the complaint's ETag and answers 412 when it is stale; a step the
 * state does not allow is a 409 naming the state and the action.
 */
@RestController
@Validated
@RequestMapping("/complaints")
@Tag(name = "Complaints",
		description = "Complaints about us (the complaints procedure) and about providers " + "(signposted)")
class ComplaintController {

	static final String STAFF_HEADER = ActingStaff.HEADER;

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String NEW_COMPLAINT = """
			{
			  "kind": "ABOUT_US",
			  "channel": "EMAIL",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "summary": "I was promised a call back about my GP registration and nobody called",
			  "complainant": {
			    "name": "Alex Example",
			    "email": "alex@example.org",
			    "customerType": "PATIENT",
			    "largePrint": true,
			    "interpreterLanguage": "Polish"
			  }
			}""";

	private static final String RECEIVED = """
			{
			  "id": "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33",
			  "kind": "ABOUT_US",
			  "state": "RECEIVED",
			  "channel": "EMAIL",
			  "handlerId": "jo",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "complainant": { "name": "Alex Example", "email": "alex@example.org", "customerType": "PATIENT" },
			  "summary": "I was promised a call back about my GP registration and nobody called",
			  "extensions": [],
			  "escalations": [],
			  "deadlines": [
			    { "standard": "COMPLAINT_ACKNOWLEDGEMENT", "stage": null, "dueAt": "2026-12-01T17:00:00Z",
			      "state": "RUNNING" }
			  ],
			  "version": 0
			}""";

	private static final String INVALID_TRANSITION = """
			{
			  "type": "https://charter.healthwatchportsmouth.co.uk/problems/invalid-transition",
			  "title": "Invalid transition",
			  "status": 409,
			  "detail": "Complaint 3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33 is CLOSED: cannot respond (only an ACKNOWLEDGED or INVESTIGATING complaint awaits its response)",
			  "state": "CLOSED",
			  "action": "respond",
			  "errors": [ { "field": "state", "message": "is CLOSED" } ]
			}""";

	private static final String MISSING_OUTCOME = """
			{
			  "title": "Bad Request",
			  "status": 400,
			  "detail": "The request has invalid fields",
			  "errors": [ { "field": "outcome", "message": "must not be null" } ]
			}""";

	private final ComplaintService complaints;

	ComplaintController(ComplaintService complaints) {
		this.complaints = complaints;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Receive a complaint",
			description = "Stores the complaint and publishes complaint.received.v1 (ids and facts only), which starts "
					+ "the 5-working-day COMPLAINT_ACKNOWLEDGEMENT clock in sla-service. handlerId defaults to "
					+ "X-Staff-Id, then to charter.complaints.default-handler-id. With an Idempotency-Key a retried "
					+ "request answers the complaint the first one stored (201 again, Idempotent-Replayed: true); "
					+ "reusing a key for a different complaint is a 422.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewComplaint.class),
					examples = @ExampleObject(name = "about us", value = NEW_COMPLAINT))))
	@ApiResponse(responseCode = "201", description = "Received",
			headers = { @Header(name = "Location", description = "/complaints/{id}"),
					@Header(name = "ETag", description = "The complaint's version, for If-Match") },
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintView.class),
					examples = @ExampleObject(name = "received", value = RECEIVED)))
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid; errors names it",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different complaint",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ComplaintView> receive(@Valid @RequestBody NewComplaint request,
			@Parameter(description = "A client-chosen key, the same on every retry of one request",
					example = "7d6f0c1e-retry-safe") @RequestHeader(name = IDEMPOTENCY_KEY,
							required = false) String idempotencyKey,
			@Parameter(description = "Staff id of who acts", example = "jo") @RequestHeader(name = STAFF_HEADER,
					required = false) String staffId) {
		if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,200}")) {
			throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
		}
		ComplaintService.Created created = this.complaints.create(request.toIntake(), idempotencyKey,
				fingerprint(request), staffId(staffId));
		ComplaintView view = ComplaintView.of(created.complaint());
		return ResponseEntity.created(URI.create("/complaints/" + view.id()))
			.eTag(view.etag())
			.header("Idempotent-Replayed", Boolean.toString(created.replayed()))
			.body(view);
	}

	@GetMapping
	@Operation(summary = "List complaints",
			description = "Newest first, one page at a time; no complainant details or free text.")
	ComplaintList search(@Parameter(example = "ACKNOWLEDGED") @RequestParam(required = false) ComplaintState state,
			@Parameter(example = "ABOUT_US") @RequestParam(required = false) ComplaintKind kind,
			@Parameter(example = "jo") @RequestParam(required = false) String handlerId,
			@Parameter(description = "Zero-based page number",
					example = "0") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		ComplaintPage found = this.complaints.search(state, kind, handlerId, page, size);
		return new ComplaintList(found.complaints().stream().map(ComplaintView.Listed::of).toList(), found.page(),
				found.size(), found.total());
	}

	/** One page of complaints. */
	record ComplaintList(List<ComplaintView.Listed> items, int page, int size, long total) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a complaint",
			description = "With its deadlines as sla-service reports them; the ETag header is its version.")
	@ApiResponse(responseCode = "200", description = "The complaint",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintView.class),
					examples = @ExampleObject(name = "received", value = RECEIVED)))
	@ApiResponse(responseCode = "404", description = "No such complaint",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ComplaintView> find(@PathVariable String id) {
		return withEtag(ComplaintView.of(this.complaints.find(id)));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who took the complaint through which step, and when",
			description = "Oldest first; no personal data.")
	List<HistoryEntry> history(@PathVariable String id) {
		return this.complaints.history(id);
	}

	@PostMapping("/{id}/classification")
	@Operation(summary = "Correct the kind of a RECEIVED complaint", description = "Publishes nothing.")
	ResponseEntity<ComplaintView> classify(@PathVariable String id, @Valid @RequestBody Classification request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "CLASSIFIED", (c) -> c.classify(request.kind()));
	}

	@PostMapping("/{id}/acknowledgement")
	@Operation(summary = "Acknowledge a complaint about us",
			description = "RECEIVED -> ACKNOWLEDGED. Publishes complaint.acknowledged.v1 with the procedure's "
					+ "response-working-days: sla-service meets the acknowledgement clock and starts "
					+ "COMPLAINT_RESPONSE. acknowledgedAt defaults to now.")
	@ApiResponse(responseCode = "409", description = "Not RECEIVED, or a complaint about a provider",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "invalid transition", value = INVALID_TRANSITION)))
	@ApiResponse(responseCode = "412", description = "If-Match is not the current ETag",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ComplaintView> acknowledge(@PathVariable String id,
			@Valid @RequestBody(required = false) Acknowledgement request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		int days = this.complaints.properties().responseWorkingDays();
		return step(id, ifMatch, staffId, "ACKNOWLEDGED",
				(c) -> c.acknowledge((request != null) ? request.acknowledgedAt() : null, days, this.complaints.now()));
	}

	@PostMapping("/{id}/investigation")
	@Operation(summary = "Start investigating", description = "ACKNOWLEDGED -> INVESTIGATING; no clock effect.")
	ResponseEntity<ComplaintView> investigate(@PathVariable String id,
			@Valid @RequestBody(required = false) Investigation request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "INVESTIGATION_STARTED",
				(c) -> c.startInvestigation((request != null) ? request.startedAt() : null, this.complaints.now()));
	}

	@PostMapping("/{id}/extension")
	@Operation(summary = "Record a later response date agreed with the complainant",
			description = "ACKNOWLEDGED, INVESTIGATING or ESCALATED (then for the current stage); the state stays. "
					+ "Publishes complaint.extension-agreed.v1: sla-service moves the deadline to the close of "
					+ "business on newResponseDate and the old one no longer counts. newResponseDate must be after "
					+ "today and after the current due date.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ExtensionRequest.class),
					examples = @ExampleObject(name = "two more weeks",
							value = "{ \"newResponseDate\": \"2027-01-15\", \"reason\": \"Waiting for the provider's records\" }"))))
	ResponseEntity<ComplaintView> extend(@PathVariable String id, @Valid @RequestBody ExtensionRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return detailedStep(id, ifMatch, staffId, "EXTENSION_AGREED",
				(detailed) -> detailed.stored()
					.complaint()
					.agreeExtension(request.newResponseDate(), request.reason(),
							this.complaints.currentDueDate(detailed), this.complaints.now()));
	}

	@PostMapping("/{id}/response")
	@Operation(summary = "Record the response sent, its outcome and any apology",
			description = "ACKNOWLEDGED or INVESTIGATING -> RESPONDED. Publishes complaint.responded.v1, which meets "
					+ "the response clock. respondedAt defaults to now, apologyGivenAt to respondedAt.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ResponseRequest.class),
							examples = @ExampleObject(name = "partly upheld with apology",
									value = "{ \"outcome\": \"PARTLY_UPHELD\", \"apologyGiven\": true }"))))
	@ApiResponse(responseCode = "400", description = "outcome or apologyGiven missing",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "missing outcome", value = MISSING_OUTCOME)))
	@ApiResponse(responseCode = "409", description = "Not awaiting a response (e.g. closed)",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "invalid transition", value = INVALID_TRANSITION)))
	ResponseEntity<ComplaintView> respond(@PathVariable String id, @Valid @RequestBody ResponseRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "RESPONDED", (c) -> c.respond(request.outcome(), request.apologyGiven(),
				request.apologyGivenAt(), request.respondedAt(), this.complaints.now()));
	}

	@PostMapping("/{id}/lessons")
	@Operation(summary = "Record actions taken and lessons learned",
			description = "RESPONDED, ESCALATED or CLOSED; the state stays. Kept here, never published.")
	ResponseEntity<ComplaintView> lessons(@PathVariable String id,
			@Valid @RequestBody(required = false) Lessons request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		Lessons lessons = (request != null) ? request : new Lessons(null, null);
		return step(id, ifMatch, staffId, "LESSONS_RECORDED",
				(c) -> c.recordLessons(lessons.actions(), lessons.lessonsLearned()));
	}

	@PostMapping("/{id}/escalation")
	@Operation(summary = "Escalate to the next configured stage",
			description = "RESPONDED or CLOSED -> ESCALATED. Publishes complaint.escalated.v1 with the stage and its "
					+ "working days: sla-service starts that stage's COMPLAINT_ESCALATION clock. 409 when no stage "
					+ "is left.")
	ResponseEntity<ComplaintView> escalate(@PathVariable String id,
			@Valid @RequestBody(required = false) EscalationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		List<EscalationStage> stages = this.complaints.properties().stages();
		return step(id, ifMatch, staffId, "ESCALATED",
				(c) -> c.escalate(stages, (request != null) ? request.reason() : null, this.complaints.now()));
	}

	@PostMapping("/{id}/escalation-response")
	@Operation(summary = "Record the escalation stage's response",
			description = "ESCALATED -> RESPONDED. Publishes complaint.escalation-responded.v1, which meets the "
					+ "stage's clock.")
	ResponseEntity<ComplaintView> escalationResponse(@PathVariable String id,
			@Valid @RequestBody EscalationResponse request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "ESCALATION_RESPONDED",
				(c) -> c.respondToEscalation(request.outcome(), request.respondedAt(), this.complaints.now()));
	}

	@PostMapping("/{id}/signposting")
	@Operation(summary = "Signpost a complaint about a provider",
			description = "RECEIVED (ABOUT_PROVIDER) -> SIGNPOSTED, which closes it. Publishes "
					+ "complaint.signposted.v1 (destination and consent, not the organisation's name), which meets "
					+ "the acknowledgement clock.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SignpostingRequest.class),
					examples = @ExampleObject(name = "to PALS",
							value = "{ \"signpostedTo\": \"PALS\", \"organisation\": \"Portsmouth Hospitals PALS\", \"consentToShare\": true }"))))
	ResponseEntity<ComplaintView> signpost(@PathVariable String id, @Valid @RequestBody SignpostingRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "SIGNPOSTED", (c) -> c.signpost(request.signpostedTo(),
				request.organisation(), request.consentToShare(), request.signpostedAt(), this.complaints.now()));
	}

	@PostMapping("/{id}/closure")
	@Operation(summary = "Close a RESPONDED complaint",
			description = "Publishes complaint.closed.v1; sla-service cancels any clock still open.")
	ResponseEntity<ComplaintView> close(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "CLOSED", (c) -> c.close(this.complaints.now()));
	}

	@PostMapping("/{id}/withdrawal")
	@Operation(summary = "The complainant withdrew the complaint",
			description = "Any open state -> WITHDRAWN. Publishes complaint.withdrawn.v1; open clocks are cancelled.")
	ResponseEntity<ComplaintView> withdraw(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "WITHDRAWN", (c) -> c.withdraw(this.complaints.now()));
	}

	@PostMapping("/{id}/reassignment")
	@Operation(summary = "Hand the complaint to another member of staff",
			description = "Any open state; publishes complaint.reassigned.v1, and sla-service reassigns open clocks.")
	ResponseEntity<ComplaintView> reassign(@PathVariable String id, @Valid @RequestBody Reassignment request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "REASSIGNED", (c) -> c.reassign(request.handlerId(), this.complaints.now()));
	}

	private ResponseEntity<ComplaintView> step(String id, String ifMatch, String staffId, String action,
			Function<Complaint, List<CharterEvent>> step) {
		return detailedStep(id, ifMatch, staffId, action, (detailed) -> step.apply(detailed.stored().complaint()));
	}

	private ResponseEntity<ComplaintView> detailedStep(String id, String ifMatch, String staffId, String action,
			Function<ComplaintService.Detailed, List<CharterEvent>> step) {
		return withEtag(ComplaintView.of(this.complaints.change(id, version(ifMatch), staffId(staffId), action, step)));
	}

	private static ResponseEntity<ComplaintView> withEtag(ComplaintView view) {
		return ResponseEntity.ok().eTag(view.etag()).body(view);
	}

	/** The version an If-Match header names, accepting "3", W/"3" and 3. */
	static Long version(String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		if (!tag.matches("[0-9]{1,18}")) {
			throw new InvalidFieldException(HttpHeaders.IF_MATCH, "must be the complaint's ETag, e.g. \"3\"");
		}
		return Long.parseLong(tag);
	}

	static String staffId(String header) {
		if (header != null && !header.matches(ComplaintRequests.STAFF_ID)) {
			throw new InvalidFieldException(STAFF_HEADER, "must be a staff id (lower case letters, digits, . _ -)");
		}
		// the header still wins for clients that send it; without it, the signed-in user
		// acts
		return ActingStaff.id(header);
	}

	private static String fingerprint(NewComplaint request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(request.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
