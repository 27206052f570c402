package uk.co.healthwatchportsmouth.charter.intake.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The customer as the API shows them. */
@Schema(description = "Who contacted us. Personal data: kept in intake-service only, never published in events.")
record CustomerDetails(@Schema(example = "Alex Example") @NotBlank @Size(max = 200) String name,

		@Schema(description = "Required when the channel is EMAIL.", example = "alex@example.org")
		// a domain with a dot: a staff member typing an address has no use for
		// jo@localhost
		@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,

		@Schema(example = "+44 23 9200 0000") @Pattern(regexp = "\\+?[0-9 ()-]{6,24}",
				message = "must be a phone number (digits, spaces, brackets, dashes, optional leading +)") String phone) {

	static CustomerDetails of(Customer customer) {
		return new CustomerDetails(customer.name(), customer.email(), customer.phone());
	}

	Customer toCustomer() {
		return new Customer(this.name, this.email, this.phone);
	}

}
