package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact to log, as staff enter it. */
record NewContactRequest(@Schema(example = "EMAIL") @NotNull Channel channel,

		@Schema(description = "When the contact reached us (UTC); defaults to now and must not be in the future.",
				example = "2026-11-24T10:15:00Z") Instant receivedAt,

		@Schema(example = "Question about GP registration") @NotBlank @Size(max = 200) String subject,

		@NotNull @Valid CustomerDetails customer,

		@Schema(description = "Staff id of who will answer.",
				example = "jo") @NotNull @Pattern(regexp = ContactController.STAFF_ID) String assigneeId) {

}
