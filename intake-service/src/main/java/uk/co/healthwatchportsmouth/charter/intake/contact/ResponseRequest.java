package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** That, and optionally when and by whom, a customer was answered. */
record ResponseRequest(
		@Schema(description = "When the customer was answered (UTC); defaults to now, must not be before receivedAt "
				+ "nor in the future.", example = "2026-11-25T09:30:00Z") Instant respondedAt,

		@Schema(description = "Staff id of who answered.",
				example = "jo") @Pattern(regexp = ContactController.STAFF_ID) String respondedBy) {

}
