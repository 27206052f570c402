package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One England and Wales bank holiday, worded as gov.uk words it.
 *
 * @param date the day the office is closed for it
 * @param title e.g. {@code Boxing Day}
 * @param notes e.g. {@code Substitute day}, or empty
 */
public record BankHoliday(LocalDate date, String title, String notes) {

	public BankHoliday {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(title, "title");
		notes = (notes != null) ? notes.strip() : "";
	}

	/** Plain English for people, e.g. {@code Christmas Day (substitute day)}. */
	public String reason() {
		return this.notes.isEmpty() ? this.title
				: this.title + " (" + this.notes.toLowerCase(java.util.Locale.UK) + ")";
	}

}
