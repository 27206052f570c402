package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.Objects;

/**
 * Who contacted us, how to reach them and how they need us to communicate. Personal data:
 * it stays in this service and never appears in events, logs or metrics, apart from the
 * stable {@code customerId}, the {@code type} and the needs summary.
 *
 * @param customerId stable id of the customer across their contacts; the key for erasure
 * @param name how the customer wants to be addressed; {@code null} once erased
 * @param email where to answer by email; absent when the customer gave none
 * @param phone where to call back; absent when the customer gave none
 * @param address where to answer by letter; absent when the customer gave none
 * @param type who the customer is; absent when not recorded
 * @param needs how to communicate with them; never {@code null}
 */
public record Customer(String customerId, String name, String email, String phone, String address, CustomerType type,
		CommunicationNeeds needs) {

	public Customer {
		email = absentIfBlank(email);
		phone = absentIfBlank(phone);
		address = absentIfBlank(address);
		needs = (needs != null) ? needs : CommunicationNeeds.NONE;
	}

	/** A customer with a name and contact details only, not yet given an id. */
	public Customer(String name, String email, String phone) {
		this(null, Objects.requireNonNull(name, "name"), email, phone, null, null, null);
	}

	public boolean hasEmail() {
		return this.email != null;
	}

	Customer withId(String id) {
		return new Customer(id, this.name, this.email, this.phone, this.address, this.type, this.needs);
	}

	/** What is kept for statistics once the person's data is erased. */
	Customer erased() {
		return new Customer(this.customerId, null, null, null, null, this.type, this.needs.withoutNotes());
	}

	private static String absentIfBlank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
