package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A contact as the API answers it. */
record ContactView(@Schema(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") String id,
		@Schema(description = "Counts stored changes; the ETag is this number in quotes.", example = "0") long version,
		@Schema(example = "EMAIL") Channel channel, @Schema(example = "2026-11-24T10:15:00Z") Instant receivedAt,
		@Schema(description = "Null once personal data was erased.",
				example = "Question about GP registration") String subject,
		CustomerDetails customer, @Schema(example = "jo") String assigneeId,
		@Schema(example = "OPEN") ContactStatus status,
		@Schema(description = "When the customer was answered; null until RESPONDED.",
				example = "2026-11-25T09:30:00Z") Instant respondedAt,
		@Schema(description = "Staff id of who answered; null until RESPONDED or when not given.",
				example = "jo") String respondedBy,
		@Schema(description = "The holding reply, if one was sent.") HoldingReply holdingReply,
		@Schema(description = "When the contact was resolved.") Instant resolvedAt,
		@Schema(description = "Staff id of who resolved it.") String resolvedBy,
		@Schema(description = "Resolved at the first point of contact (counted for first-contact resolution).",
				example = "false") boolean resolvedAtFirstContact,
		@Schema(description = "When the contact became a complaint.") Instant escalatedAt,
		@Schema(description = "The customer's views after resolution.") Feedback feedback,
		@Schema(description = "When the customer's personal data was erased or anonymised.") Instant personalDataErasedAt,
		@Schema(description = "The earliest charter deadline of a counting clock, as projected from "
				+ "sla-service's events: a clock counts unless met, cancelled or paused (a paused clock waits for "
				+ "the customer and counts again, with its moved deadline, when it resumes); null when none counts.",
				example = "2026-11-26T17:00:00Z") Instant dueAt,
		@Schema(description = "Whether a counting clock (not met, cancelled or paused) is breached, as projected "
				+ "from sla-service's events.", example = "false") boolean breached) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.id(), contact.version(), contact.channel(), contact.receivedAt(),
				contact.subject(), CustomerDetails.of(contact.customer()), contact.assigneeId(), contact.status(),
				contact.respondedAt(), contact.respondedBy(), contact.holdingReply(), contact.resolvedAt(),
				contact.resolvedBy(), contact.resolvedAtFirstContact(), contact.escalatedAt(), contact.feedback(),
				contact.personalDataErasedAt(), contact.sla().dueAt(), contact.sla().breached());
	}

	String etag() {
		return "\"" + this.version + "\"";
	}

}
