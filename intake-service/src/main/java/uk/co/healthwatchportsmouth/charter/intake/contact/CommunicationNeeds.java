package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.ArrayList;
import java.util.List;

/**
 * How the customer needs us to communicate with them. Everything but {@code accessNotes}
 * is a non-identifying fact that may travel in events as {@link #summary()}; the notes
 * are free text and stay in this service.
 *
 * @param preferredChannel how the customer prefers to be answered, if they said
 * @param largePrintFontSize the font size in points for large print; {@code null} when
 * large print is not needed
 * @param preferredLanguage the customer's language when it is not English, e.g. "Polish"
 * @param translationNeeded written answers must be translated into the preferred language
 * @param interpreterNeeded conversations need an interpreter for the preferred language
 * @param accessNotes free text about other access needs: personal data
 */
public record CommunicationNeeds(Channel preferredChannel, Integer largePrintFontSize, String preferredLanguage,
		boolean translationNeeded, boolean interpreterNeeded, boolean bsl, boolean easyRead, String accessNotes) {

	public static final CommunicationNeeds NONE = new CommunicationNeeds(null, null, null, false, false, false, false,
			null);

	public boolean largePrint() {
		return this.largePrintFontSize != null;
	}

	/**
	 * A short, non-identifying summary for staff acting on the contact, e.g. "large print
	 * (18pt); interpreter: Polish; BSL"; {@code null} when there are no needs to mention.
	 * Never includes the access notes.
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (largePrint()) {
			parts.add("large print (" + this.largePrintFontSize + "pt)");
		}
		if (this.interpreterNeeded) {
			parts.add("interpreter: " + languageOrUnstated());
		}
		if (this.translationNeeded) {
			parts.add("translation: " + languageOrUnstated());
		}
		if (!this.interpreterNeeded && !this.translationNeeded && this.preferredLanguage != null) {
			parts.add("language: " + this.preferredLanguage);
		}
		if (this.bsl) {
			parts.add("BSL");
		}
		if (this.easyRead) {
			parts.add("easy read");
		}
		if (this.preferredChannel != null) {
			parts.add("prefers " + this.preferredChannel.name().toLowerCase().replace('_', ' '));
		}
		if (this.accessNotes != null) {
			parts.add("see access notes");
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	/** The same needs without the free-text notes, as kept after erasure. */
	public CommunicationNeeds withoutNotes() {
		return new CommunicationNeeds(this.preferredChannel, this.largePrintFontSize, this.preferredLanguage,
				this.translationNeeded, this.interpreterNeeded, this.bsl, this.easyRead, null);
	}

	private String languageOrUnstated() {
		return (this.preferredLanguage != null) ? this.preferredLanguage : "language not stated";
	}

}
