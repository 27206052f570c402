package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.ArrayList;
import java.util.List;

/**
 * The person who complained. Personal data: kept in this service's database and shown to
 * staff, never published or logged. Only {@link #needsSummary()} (no names, contact
 * details or free text) travels on events.
 */
public record Complainant(String name, String email, String phone, String address, CustomerType customerType,
		Boolean largePrint, String interpreterLanguage, String otherNeeds) {

	/**
	 * A non-identifying summary of the complainant's communication needs, e.g. "large
	 * print; interpreter: Polish", or {@code null} when there are none. Other needs are
	 * free text, so only their existence is mentioned.
	 */
	public String needsSummary() {
		List<String> needs = new ArrayList<>();
		if (Boolean.TRUE.equals(this.largePrint)) {
			needs.add("large print");
		}
		if (this.interpreterLanguage != null && !this.interpreterLanguage.isBlank()) {
			needs.add("interpreter: " + this.interpreterLanguage.strip());
		}
		if (this.otherNeeds != null && !this.otherNeeds.isBlank()) {
			needs.add("other needs recorded");
		}
		String summary = String.join("; ", needs);
		return summary.isEmpty() ? null : summary.substring(0, Math.min(summary.length(), 200));
	}

}
