package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.FeedbackRequest;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.HoldingReplyRequest;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.InformationArrival;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.InformationRequest;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.Reassignment;
import uk.co.healthwatchportsmouth.charter.intake.contact.LifecycleRequests.Resolution;
import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.security.ActingStaff;

/**
 * The contacts API staff use all day: log a contact (once per {@code Idempotency-Key}),
 * search and read contacts, and take them through their lifecycle. Every change accepts
 * {@code If-Match} with the contact's ETag and answers 412 when it is stale; without
 * If-Match a change applies to the current version (never lost: it is re-applied if
 * another change wins the race). If-Match is optional rather than required (no 428) so
 * that existing clients keep working; staff clients should send it.
 */
@RestController
@Validated
@RequestMapping("/contacts")
@Tag(name = "Contacts", description = "Every customer contact, from the moment it reaches us until it is answered")
class ContactController {

	/** Staff ids: short, lower case, no spaces. */
	static final String STAFF_ID = "[a-z0-9._-]{1,64}";

	static final String STAFF_HEADER = ActingStaff.HEADER;

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String NEW_EMAIL_CONTACT = """
			{
			  "channel": "EMAIL",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "subject": "Question about GP registration",
			  "customer": {
			    "name": "Alex Example",
			    "email": "alex@example.org",
			    "type": "PATIENT",
			    "needs": { "largePrintFontSize": 18, "preferredLanguage": "Polish", "interpreterNeeded": true }
			  },
			  "assigneeId": "jo"
			}""";

	private static final String NEW_ANSWERPHONE_CONTACT = """
			{
			  "channel": "ANSWERPHONE",
			  "subject": "Call back about a dental appointment",
			  "customer": { "name": "Sam Example", "phone": "+44 23 9200 0000" },
			  "assigneeId": "sam.k"
			}""";

	private static final String OPEN_CONTACT = """
			{
			  "id": "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33",
			  "channel": "EMAIL",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "subject": "Question about GP registration",
			  "customer": { "name": "Alex Example", "email": "alex@example.org", "phone": null },
			  "assigneeId": "jo",
			  "status": "OPEN",
			  "respondedAt": null,
			  "respondedBy": null
			}""";

	private static final String RESPONDED_CONTACT = """
			{
			  "id": "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33",
			  "channel": "EMAIL",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "subject": "Question about GP registration",
			  "customer": { "name": "Alex Example", "email": "alex@example.org", "phone": null },
			  "assigneeId": "jo",
			  "status": "RESPONDED",
			  "respondedAt": "2026-11-25T09:30:00Z",
			  "respondedBy": "jo"
			}""";

	private static final String INVALID_FIELD = """
			{
			  "title": "Bad Request",
			  "status": 400,
			  "detail": "The request has invalid fields",
			  "instance": "/contacts",
			  "errors": [ { "field": "customer.email", "message": "must be a well-formed email address" } ]
			}""";

	private static final String NOT_FOUND = """
			{
			  "title": "Not Found",
			  "status": 404,
			  "detail": "No contact with id 3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33",
			  "instance": "/contacts/3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33"
			}""";

	private static final String ALREADY_RESPONDED = """
			{
			  "title": "Conflict",
			  "status": 409,
			  "detail": "Contact 3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33 was already responded to at 2026-11-25T09:30:00Z",
			  "instance": "/contacts/3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33/response",
			  "errors": [ { "field": "status", "message": "is already RESPONDED" } ]
			}""";

	private static final String STALE = """
			{
			  "title": "Precondition Failed",
			  "status": 412,
			  "detail": "Contact 3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33 is at version 2, not 1: read it again and retry",
			  "errors": [ { "field": "If-Match", "message": "is not the current ETag" } ]
			}""";

	private static final String INVALID_TRANSITION = """
			{
			  "title": "Conflict",
			  "status": 409,
			  "detail": "Contact 3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33 is OPEN: cannot resolve it before it was responded to",
			  "errors": [ { "field": "status", "message": "is OPEN" } ]
			}""";

	private final ContactService contacts;

	ContactController(ContactService contacts) {
		this.contacts = contacts;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Log a customer contact",
			description = "Records a contact and publishes contact.received.v1 (ids and facts only, with customerType "
					+ "and the non-identifying needs summary) on charter.contact-events, which starts the charter clock "
					+ "for its channel. receivedAt defaults to now; customer.email is required for EMAIL contacts. "
					+ "With an Idempotency-Key header a retried request answers the contact the first one stored "
					+ "(201 again, with Idempotent-Replayed: true) and never stores a second; reusing a key for a "
					+ "different contact is a 422.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = NewContactRequest.class),
							examples = { @ExampleObject(name = "email", value = NEW_EMAIL_CONTACT),
									@ExampleObject(name = "answerphone", value = NEW_ANSWERPHONE_CONTACT) })))
	@ApiResponse(responseCode = "201", description = "Logged",
			headers = { @Header(name = "Location", description = "/contacts/{id}"),
					@Header(name = "ETag", description = "The contact's version, for If-Match") },
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactView.class),
					examples = @ExampleObject(name = "open", value = OPEN_CONTACT)))
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid; errors names it",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "bad email", value = INVALID_FIELD)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different contact",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ContactView> receive(@Valid @RequestBody NewContactRequest request,
			@Parameter(description = "A client-chosen key, the same on every retry of one request",
					example = "7d6f0c1e-retry-safe") @RequestHeader(name = IDEMPOTENCY_KEY,
							required = false) String idempotencyKey,
			@Parameter(description = "Staff id of who acts (until sign-in exists)",
					example = "jo") @RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,200}")) {
			throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
		}
		ContactService.Logged logged = this.contacts.receive(request.channel(), request.receivedAt(), request.subject(),
				request.customer().toCustomer(), request.assigneeId(), idempotencyKey, fingerprint(request),
				staffId(staffId));
		ContactView view = ContactView.of(logged.contact());
		return ResponseEntity.created(URI.create("/contacts/" + view.id()))
			.eTag(view.etag())
			.header("Idempotent-Replayed", Boolean.toString(logged.replayed()))
			.body(view);
	}

	@GetMapping
	@Operation(summary = "List and search contacts",
			description = "Newest first, one page at a time. Filters combine with AND. 'dueBefore' and 'breached' use "
					+ "this service's projection of sla-service's clock events (sla.dueAt: the earliest deadline of a "
					+ "counting clock; sla.breached: such a clock is breached; a clock counts unless it is met, "
					+ "cancelled or paused: a paused clock waits for the customer, so it drops out of both filters "
					+ "until it resumes with its moved deadline), which follows sla-service within "
					+ "moments; sla-service (GET /clocks) stays the authority on each clock. Each contact listed is "
					+ "audited (VIEWED, \"in a search result\") as the list shows its customer's personal data.")
	ContactList search(@Parameter(example = "OPEN") @RequestParam(required = false) ContactStatus status,
			@Parameter(example = "EMAIL") @RequestParam(required = false) Channel channel,
			@Parameter(example = "jo") @RequestParam(required = false) String assigneeId,
			@Parameter(description = "Received at or after (UTC)", example = "2026-11-01T00:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant receivedAfter,
			@Parameter(description = "Received before (UTC)", example = "2026-12-01T00:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant receivedBefore,
			@Parameter(description = "An open charter deadline falls before this instant (UTC)",
					example = "2026-11-26T17:00:00Z") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
			@Parameter(
					description = "true: a counting clock (not met, cancelled or paused) is breached; false: none is",
					example = "true") @RequestParam(required = false) Boolean breached,
			@Parameter(description = "Zero-based page number",
					example = "0") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@Parameter(description = "Staff id of who reads (until sign-in exists)",
					example = "jo") @RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		ContactPage found = this.contacts.view(
				new ContactFilter(status, channel, assigneeId, receivedAfter, receivedBefore, dueBefore, breached),
				page, size, staffId(staffId));
		return new ContactList(found.contacts().stream().map(ContactView::of).toList(), found.page(), found.size(),
				found.total());
	}

	/** One page of contacts. */
	record ContactList(List<ContactView> items, int page, int size, long total) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a contact",
			description = "The ETag header is the contact's version, for If-Match. Each read is audited (VIEWED: who and "
					+ "when) as it shows the customer's personal data; it does not change the version.")
	@ApiResponse(responseCode = "200", description = "The contact",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactView.class),
					examples = { @ExampleObject(name = "open", value = OPEN_CONTACT),
							@ExampleObject(name = "responded", value = RESPONDED_CONTACT) }))
	@ApiResponse(responseCode = "404", description = "No such contact",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	ResponseEntity<ContactView> find(
			@Parameter(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") @PathVariable String id,
			@Parameter(description = "Staff id of who reads (until sign-in exists)",
					example = "jo") @RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return withEtag(ContactView.of(this.contacts.view(id, staffId(staffId))));
	}

	@GetMapping("/{id}/audit")
	@Operation(summary = "Who did what to a contact, and when", description = "Oldest first.")
	List<AuditEntry> audit(@PathVariable String id) {
		return this.contacts.audit(id);
	}

	@PostMapping("/{id}/response")
	@Operation(summary = "Record that the customer was answered",
			description = "Marks the contact RESPONDED and publishes contact.responded.v1, which stops its charter "
					+ "clock. The body is optional: respondedAt defaults to now, respondedBy to X-Staff-Id. Only the "
					+ "first response counts; another is refused with 409, as is a response to a closed contact.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ResponseRequest.class),
							examples = @ExampleObject(name = "answered by jo",
									value = "{ \"respondedAt\": \"2026-11-25T09:30:00Z\", \"respondedBy\": \"jo\" }"))))
	@ApiResponse(responseCode = "200", description = "Recorded",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactView.class),
					examples = @ExampleObject(name = "responded", value = RESPONDED_CONTACT)))
	@ApiResponse(responseCode = "400", description = "respondedAt is before receivedAt or in the future",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such contact",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "A response was already recorded, or the contact is closed",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "already responded", value = ALREADY_RESPONDED)))
	@ApiResponse(responseCode = "412", description = "If-Match is not the current ETag",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "stale", value = STALE)))
	ResponseEntity<ContactView> respond(
			@Parameter(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") @PathVariable String id,
			@Valid @RequestBody(required = false) ResponseRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		ResponseRequest response = (request != null) ? request : new ResponseRequest(null, null);
		String by = (response.respondedBy() != null) ? response.respondedBy() : staffId(staffId);
		return step(id, ifMatch, staffId, "RESPONDED",
				(contact) -> contact.respond(response.respondedAt(), by, this.contacts.now()));
	}

	@PostMapping("/{id}/resolution-at-first-contact")
	@Operation(summary = "Resolve an OPEN contact at the first point of contact",
			description = "Publishes contact.resolved-at-first-contact.v1; counted as a first-contact resolution. "
					+ "409 unless the contact is OPEN.")
	@ApiResponse(responseCode = "409", description = "The contact is not OPEN",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "not open", value = INVALID_TRANSITION)))
	ResponseEntity<ContactView> resolveAtFirstContact(@PathVariable String id,
			@Valid @RequestBody(required = false) Resolution request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		Instant at = (request != null) ? request.resolvedAt() : null;
		return step(id, ifMatch, staffId, "RESOLVED_AT_FIRST_CONTACT",
				(contact) -> contact.resolveAtFirstContact(at, staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/holding-reply")
	@Operation(summary = "Record a holding reply and the promised date",
			description = "Publishes contact.holding-reply-sent.v1 with the reason code and promisedBy, which starts a "
					+ "PROMISED_RESPONSE clock. 422 when promisedBy is not after sentAt.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HoldingReplyRequest.class),
					examples = @ExampleObject(name = "awaiting provider",
							value = "{ \"reasonCode\": \"AWAITING_PROVIDER\", \"promisedBy\": \"2026-12-08T17:00:00Z\" }"))))
	ResponseEntity<ContactView> holdingReply(@PathVariable String id, @Valid @RequestBody HoldingReplyRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "HOLDING_REPLY_SENT", (contact) -> contact.sendHoldingReply(request.sentAt(),
				request.reasonCode(), request.promisedBy(), staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/information-request")
	@Operation(summary = "Await information from the customer",
			description = "Publishes contact.information-requested.v1 (charter clocks pause).")
	ResponseEntity<ContactView> requestInformation(@PathVariable String id,
			@Valid @RequestBody(required = false) InformationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		Instant at = (request != null) ? request.requestedAt() : null;
		return step(id, ifMatch, staffId, "INFORMATION_REQUESTED",
				(contact) -> contact.requestInformation(at, staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/information-received")
	@Operation(summary = "The awaited information arrived",
			description = "Publishes contact.information-received.v1 (charter clocks resume).")
	ResponseEntity<ContactView> receiveInformation(@PathVariable String id,
			@Valid @RequestBody(required = false) InformationArrival request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		Instant at = (request != null) ? request.receivedAt() : null;
		return step(id, ifMatch, staffId, "INFORMATION_RECEIVED",
				(contact) -> contact.receiveInformation(at, staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/resolution")
	@Operation(summary = "Resolve a RESPONDED contact", description = "Publishes contact.resolved.v1.")
	ResponseEntity<ContactView> resolve(@PathVariable String id,
			@Valid @RequestBody(required = false) Resolution request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		Instant at = (request != null) ? request.resolvedAt() : null;
		return step(id, ifMatch, staffId, "RESOLVED",
				(contact) -> contact.resolve(at, staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/reassignment")
	@Operation(summary = "Hand the contact to another member of staff",
			description = "Publishes contact.reassigned.v1 with both staff ids. 422 when it is already theirs.")
	ResponseEntity<ContactView> reassign(@PathVariable String id, @Valid @RequestBody Reassignment request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "REASSIGNED",
				(contact) -> contact.reassign(request.toAssigneeId(), staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/complaint-escalation")
	@Operation(summary = "Escalate the contact to a complaint",
			description = "Publishes contact.escalated-to-complaint.v1 (ids and facts only) for complaints-service "
					+ "to take over.")
	ResponseEntity<ContactView> escalate(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "ESCALATED_TO_COMPLAINT",
				(contact) -> contact.escalateToComplaint(staffId(staffId), this.contacts.now()));
	}

	@PostMapping("/{id}/feedback")
	@Operation(summary = "Record the customer's views after resolution",
			description = "Score 1-5 and an optional comment; stored and counted in GET /reports/feedback, never "
					+ "published. 409 unless RESOLVED, or when feedback was already recorded.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = FeedbackRequest.class),
							examples = @ExampleObject(name = "satisfied",
									value = "{ \"score\": 4, \"comment\": \"Quick and clear answer\" }"))))
	ResponseEntity<ContactView> feedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = STAFF_HEADER, required = false) String staffId) {
		return step(id, ifMatch, staffId, "FEEDBACK_RECORDED", (contact) -> {
			contact.recordFeedback(request.score(), request.comment(), this.contacts.now());
			return null;
		});
	}

	private ResponseEntity<ContactView> step(String id, String ifMatch, String staffId, String action,
			Function<Contact, CharterEvent> step) {
		return withEtag(ContactView.of(this.contacts.change(id, version(ifMatch), staffId(staffId), action, step)));
	}

	private static ResponseEntity<ContactView> withEtag(ContactView view) {
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
			throw new InvalidFieldException(HttpHeaders.IF_MATCH, "must be the contact's ETag, e.g. \"3\"");
		}
		return Long.parseLong(tag);
	}

	static String staffId(String header) {
		if (header != null && !header.matches(STAFF_ID)) {
			throw new InvalidFieldException(STAFF_HEADER, "must be a staff id (lower case letters, digits, . _ -)");
		}
		// the header still wins for clients that send it; without it, the signed-in user
		// acts
		return ActingStaff.id(header);
	}

	private static String fingerprint(NewContactRequest request) {
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
