package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.Objects;

/**
 * Who contacted us and how to reach them. Personal data: it stays in this service and
 * never appears in events, logs or metrics.
 *
 * @param name how the customer wants to be addressed
 * @param email where to answer by email; absent when the customer gave none
 * @param phone where to call back; absent when the customer gave none
 */
public record Customer(String name, String email, String phone) {

	public Customer {
		Objects.requireNonNull(name, "name");
		email = absentIfBlank(email);
		phone = absentIfBlank(phone);
	}

	public boolean hasEmail() {
		return this.email != null;
	}

	private static String absentIfBlank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
