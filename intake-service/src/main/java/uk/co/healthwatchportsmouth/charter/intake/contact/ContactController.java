package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contacts API: log a contact, read it, record that the customer was answered. */
@RestController
@RequestMapping("/contacts")
@Tag(name = "Contacts", description = "Every customer contact, from the moment it reaches us until it is answered")
class ContactController {

	/** Staff ids: short, lower case, no spaces. */
	static final String STAFF_ID = "[a-z0-9._-]{1,64}";

	private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String NEW_EMAIL_CONTACT = """
			{
			  "channel": "EMAIL",
			  "receivedAt": "2026-11-24T10:15:00Z",
			  "subject": "Question about GP registration",
			  "customer": { "name": "Alex Example", "email": "alex@example.org" },
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

	private final ContactService contacts;

	ContactController(ContactService contacts) {
		this.contacts = contacts;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Log a customer contact",
			description = "Records a contact and publishes contact.received.v1 (ids and facts only) on "
					+ "charter.contact-events, which starts the charter clock for its channel. receivedAt defaults to "
					+ "now; customer.email is required for EMAIL contacts.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = NewContactRequest.class),
							examples = { @ExampleObject(name = "email", value = NEW_EMAIL_CONTACT),
									@ExampleObject(name = "answerphone", value = NEW_ANSWERPHONE_CONTACT) })))
	@ApiResponse(responseCode = "201", description = "Logged",
			headers = @Header(name = "Location", description = "/contacts/{id}"),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactView.class),
					examples = @ExampleObject(name = "open", value = OPEN_CONTACT)))
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid; errors names it",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "bad email", value = INVALID_FIELD)))
	ResponseEntity<ContactView> receive(@Valid @RequestBody NewContactRequest request) {
		Contact contact = this.contacts.receive(request.channel(), request.receivedAt(), request.subject(),
				request.customer().toCustomer(), request.assigneeId());
		return ResponseEntity.created(URI.create("/contacts/" + contact.id())).body(ContactView.of(contact));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a contact")
	@ApiResponse(responseCode = "200", description = "The contact",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactView.class),
					examples = { @ExampleObject(name = "open", value = OPEN_CONTACT),
							@ExampleObject(name = "responded", value = RESPONDED_CONTACT) }))
	@ApiResponse(responseCode = "404", description = "No such contact",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	ContactView find(@Parameter(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") @PathVariable String id) {
		return ContactView.of(this.contacts.find(id));
	}

	@PostMapping("/{id}/response")
	@Operation(summary = "Record that the customer was answered",
			description = "Marks the contact RESPONDED and publishes contact.responded.v1, which stops its charter "
					+ "clock. The body is optional: respondedAt defaults to now. Only the first response counts; "
					+ "another is refused with 409.",
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
	@ApiResponse(responseCode = "409", description = "A response was already recorded",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "already responded", value = ALREADY_RESPONDED)))
	ContactView respond(@Parameter(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") @PathVariable String id,
			@Valid @RequestBody(required = false) ResponseRequest request) {
		ResponseRequest response = (request != null) ? request : new ResponseRequest(null, null);
		return ContactView.of(this.contacts.recordResponse(id, response.respondedAt(), response.respondedBy()));
	}

}
