package uk.co.healthwatchportsmouth.charter.intake.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The customer's right to erasure. */
@RestController
@Tag(name = "Customers", description = "Personal data held about customers")
class CustomerController {

	private final PersonalDataService personalData;

	CustomerController(PersonalDataService personalData) {
		this.personalData = personalData;
	}

	/** How many contacts an erasure changed. */
	record Erasure(String customerId, int contactsErased) {
	}

	@DeleteMapping("/customers/{customerId}/personal-data")
	@Operation(summary = "Erase a customer's personal data",
			description = "Blanks names, contact details, subjects, access notes and feedback comments on every "
					+ "contact of the customer, keeping the non-identifying facts (channel, dates, status, customer "
					+ "type, needs flags, scores) for charter statistics. Audited on each contact. 404 when no "
					+ "contact belongs to the customer.")
	Erasure erase(@Parameter(example = "6b0d8a7e-2f4c-3b1a-9d5e-7c8f9a0b1c2d") @PathVariable String customerId,
			@RequestHeader(name = ContactController.STAFF_HEADER, required = false) String staffId) {
		return new Erasure(customerId, this.personalData.eraseCustomer(customerId, ContactController.staffId(staffId)));
	}

}
