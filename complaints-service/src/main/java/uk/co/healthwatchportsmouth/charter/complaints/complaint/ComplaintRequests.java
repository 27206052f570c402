package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the complaints API's requests. */
final class ComplaintRequests {

	static final String STAFF_ID = "[a-z0-9._-]{1,64}";

	private ComplaintRequests() {
	}

	@Schema(description = "A new complaint")
	record NewComplaint(@NotNull ComplaintKind kind, @NotNull Channel channel,
			@Schema(description = "When it reached us (UTC); default now") Instant receivedAt,
			@Schema(description = "Who handles it; default X-Staff-Id, then the configured default handler",
					example = "jo") @Pattern(regexp = STAFF_ID) String handlerId,
			@Schema(description = "What the complaint is about (personal data: stays in this service)") @NotBlank @Size(
					max = 10000) String summary,
			@NotNull @Valid NewComplainant complainant,
			@Schema(description = "The intake contact it came from, if any") @Size(max = 100) String originContactId) {

		Complaint.Intake toIntake() {
			return new Complaint.Intake(null, this.kind, this.channel, this.receivedAt, this.handlerId,
					this.originContactId, null, this.complainant.customerType(), this.complainant.toComplainant(),
					this.summary);
		}

	}

	@Schema(description = "The complainant (personal data: stays in this service)")
	record NewComplainant(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email,
			@Size(max = 40) String phone, @Size(max = 500) String address, CustomerType customerType,
			Boolean largePrint, @Size(max = 60) String interpreterLanguage, @Size(max = 1000) String otherNeeds) {

		Complainant toComplainant() {
			return new Complainant(this.name, this.email, this.phone, this.address, this.customerType, this.largePrint,
					this.interpreterLanguage, this.otherNeeds);
		}

	}

	record Classification(@NotNull ComplaintKind kind) {
	}

	record Acknowledgement(Instant acknowledgedAt) {
	}

	record Investigation(Instant startedAt) {
	}

	record ExtensionRequest(
			@Schema(description = "The date (Europe/London) the complainant agreed to; after today and after the "
					+ "current due date", example = "2027-01-15") @NotNull LocalDate newResponseDate,
			@Schema(description = "Why (kept here, never published)") @Size(max = 2000) String reason) {
	}

	record ResponseRequest(@NotNull Outcome outcome, @NotNull Boolean apologyGiven, Instant apologyGivenAt,
			Instant respondedAt) {
	}

	record Lessons(@Size(max = 10000) String actions, @Size(max = 10000) String lessonsLearned) {
	}

	record EscalationRequest(
			@Schema(description = "Why the complainant is not satisfied (kept here, never " + "published)") @Size(
					max = 2000) String reason) {
	}

	record EscalationResponse(@NotNull Outcome outcome, Instant respondedAt) {
	}

	record SignpostingRequest(@NotNull SignpostDestination signpostedTo,
			@Schema(description = "The body named to the complainant",
					example = "Portsmouth Hospitals PALS") @Size(max = 200) String organisation,
			@NotNull Boolean consentToShare, Instant signpostedAt) {
	}

	record Reassignment(@NotBlank @Pattern(regexp = STAFF_ID) String handlerId) {
	}

}
