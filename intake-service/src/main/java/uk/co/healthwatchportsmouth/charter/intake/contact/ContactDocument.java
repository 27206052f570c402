package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * A contact as stored in the {@code contacts} collection. Its {@code outbox} holds the
 * events of the latest changes until Kafka has them, written in the same document update
 * as the change itself.
 */
@Document(ContactDocument.COLLECTION)
record ContactDocument(@Id String id, Channel channel, Instant receivedAt, String subject, CustomerFields customer,
		String assigneeId, ContactStatus status, Instant respondedAt, String respondedBy, List<PendingEvent> outbox) {

	static final String COLLECTION = "contacts";

	static final String STATUS = "status";

	static final String RESPONDED_AT = "respondedAt";

	static final String RESPONDED_BY = "respondedBy";

	static final String OUTBOX = EventOutbox.FIELD;

	record CustomerFields(String name, String email, String phone) {
	}

	static ContactDocument of(Contact contact, List<PendingEvent> outbox) {
		Customer customer = contact.customer();
		return new ContactDocument(contact.id(), contact.channel(), contact.receivedAt(), contact.subject(),
				new CustomerFields(customer.name(), customer.email(), customer.phone()), contact.assigneeId(),
				contact.status(), contact.respondedAt(), contact.respondedBy(), outbox);
	}

	Contact toContact() {
		return new Contact(this.id, this.channel, this.receivedAt, this.subject,
				new Customer(this.customer.name(), this.customer.email(), this.customer.phone()), this.assigneeId,
				this.status, this.respondedAt, this.respondedBy);
	}

}
