package uk.co.healthwatchportsmouth.charter.intake.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The customer as the API shows them. */
@Schema(description = "Who contacted us. Personal data: kept in intake-service only, never published in events. "
		+ "After erasure name, email, phone, address and needs.accessNotes are null.")
record CustomerDetails(
		@Schema(description = "Stable id of the customer across contacts; give it to link a repeat contact to the "
				+ "same customer, otherwise one is assigned. DELETE /customers/{customerId}/personal-data erases "
				+ "by it.", example = "6b0d8a7e-2f4c-3b1a-9d5e-7c8f9a0b1c2d") @Pattern(
						regexp = "[A-Za-z0-9-]{1,64}") String customerId,

		@Schema(example = "Alex Example") @NotBlank @Size(max = 200) String name,

		@Schema(description = "Required when the channel is EMAIL.", example = "alex@example.org")
		// a domain with a dot: a staff member typing an address has no use for
		// jo@localhost
		@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,

		@Schema(example = "+44 23 9200 0000") @Pattern(regexp = "\\+?[0-9 ()-]{6,24}",
				message = "must be a phone number (digits, spaces, brackets, dashes, optional leading +)") String phone,

		@Schema(description = "Postal address, for answers by letter.",
				example = "1 Example Road, Portsmouth PO1 1AA") @Size(max = 500) String address,

		@Schema(description = "Who the customer is, from the charter's list.", example = "PATIENT") CustomerType type,

		@Valid NeedsDetails needs) {

	static CustomerDetails of(Customer customer) {
		return new CustomerDetails(customer.customerId(), customer.name(), customer.email(), customer.phone(),
				customer.address(), customer.type(), NeedsDetails.of(customer.needs()));
	}

	Customer toCustomer() {
		return new Customer(this.customerId, this.name, this.email, this.phone, this.address, this.type,
				(this.needs != null) ? this.needs.toNeeds() : null);
	}

}
