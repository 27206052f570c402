package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the lifecycle steps. Instants default to now and must not lie in the future.
 */
final class LifecycleRequests {

	private LifecycleRequests() {
	}

	record Resolution(@Schema(description = "When it was resolved (UTC); defaults to now.",
			example = "2026-11-25T09:30:00Z") Instant resolvedAt) {
	}

	record HoldingReplyRequest(
			@Schema(description = "When the holding reply was sent (UTC); defaults to now.",
					example = "2026-11-25T09:30:00Z") Instant sentAt,
			@Schema(description = "Why a full answer takes longer, as a code.",
					example = "AWAITING_PROVIDER") @NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}",
							message = "must be a code in capitals, e.g. AWAITING_PROVIDER") String reasonCode,
			@Schema(description = "When the customer was told to expect a full answer (UTC).",
					example = "2026-12-08T17:00:00Z") @NotNull Instant promisedBy) {
	}

	record InformationRequest(@Schema(description = "When the customer was asked (UTC); defaults to now.",
			example = "2026-11-25T09:30:00Z") Instant requestedAt) {
	}

	record InformationArrival(@Schema(description = "When the information arrived (UTC); defaults to now.",
			example = "2026-11-27T11:00:00Z") Instant receivedAt) {
	}

	record Reassignment(@Schema(description = "Staff id of the new assignee.",
			example = "sam.k") @NotNull @Pattern(regexp = ContactController.STAFF_ID) String toAssigneeId) {
	}

	record FeedbackRequest(
			@Schema(description = "Satisfaction from 1 (very dissatisfied) to 5 (very satisfied).",
					example = "4") @NotNull @Min(1) @Max(5) Integer score,
			@Schema(description = "Free text: personal data, never published.",
					example = "Quick and clear answer, thank you") @Size(max = 2000) String comment) {
	}

}
