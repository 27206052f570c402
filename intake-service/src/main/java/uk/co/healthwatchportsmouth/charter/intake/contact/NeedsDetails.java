package uk.co.healthwatchportsmouth.charter.intake.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The customer's communication needs as the API shows them. */
@Schema(description = "How the customer needs us to communicate. Shown to staff wherever they act on the contact; "
		+ "only the non-identifying summary travels in events, never accessNotes.")
record NeedsDetails(
		@Schema(description = "How the customer prefers to be answered.", example = "LETTER") Channel preferredChannel,

		@Schema(description = "Font size in points when large print is needed; absent otherwise.",
				example = "18") @Min(12) @Max(72) Integer largePrintFontSize,

		@Schema(description = "The customer's language when it is not English.", example = "Polish") @Pattern(
				regexp = "[\\p{L}][\\p{L} ()-]{1,39}",
				message = "must be the name of a language (letters, spaces, brackets, dashes)") String preferredLanguage,

		@Schema(description = "Written answers must be translated.", example = "false") Boolean translationNeeded,

		@Schema(description = "Conversations need an interpreter.", example = "true") Boolean interpreterNeeded,

		@Schema(description = "British Sign Language.", example = "false") Boolean bsl,

		@Schema(description = "Easy read versions of written answers.", example = "false") Boolean easyRead,

		@Schema(description = "Other access needs, free text: personal data, never published.",
				example = "Prefers calls after 2pm") @Size(max = 500) String accessNotes,

		@Schema(description = "Read only: the non-identifying summary that travels in events.",
				accessMode = Schema.AccessMode.READ_ONLY,
				example = "large print (18pt); interpreter: Polish") String summary) {

	static NeedsDetails of(CommunicationNeeds needs) {
		return new NeedsDetails(needs.preferredChannel(), needs.largePrintFontSize(), needs.preferredLanguage(),
				needs.translationNeeded(), needs.interpreterNeeded(), needs.bsl(), needs.easyRead(),
				needs.accessNotes(), needs.summary());
	}

	CommunicationNeeds toNeeds() {
		return new CommunicationNeeds(this.preferredChannel, this.largePrintFontSize,
				blankToNull(this.preferredLanguage), Boolean.TRUE.equals(this.translationNeeded),
				Boolean.TRUE.equals(this.interpreterNeeded), Boolean.TRUE.equals(this.bsl),
				Boolean.TRUE.equals(this.easyRead), blankToNull(this.accessNotes));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
