package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A contact as the API answers it. */
record ContactView(@Schema(example = "3f1c2b9e-8a4d-4f7e-9c61-0d2b5e7a1c33") String id,
		@Schema(example = "EMAIL") Channel channel, @Schema(example = "2026-11-24T10:15:00Z") Instant receivedAt,
		@Schema(example = "Question about GP registration") String subject, CustomerDetails customer,
		@Schema(example = "jo") String assigneeId, @Schema(example = "OPEN") ContactStatus status,
		@Schema(description = "When the customer was answered; null while OPEN.",
				example = "2026-11-25T09:30:00Z") Instant respondedAt,
		@Schema(description = "Staff id of who answered; null while OPEN or when not given.",
				example = "jo") String respondedBy) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.id(), contact.channel(), contact.receivedAt(), contact.subject(),
				CustomerDetails.of(contact.customer()), contact.assigneeId(), contact.status(), contact.respondedAt(),
				contact.respondedBy());
	}

}
