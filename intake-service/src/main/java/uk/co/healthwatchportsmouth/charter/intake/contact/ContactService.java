package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * Logs contacts and records their responses. Logs name contacts by id only: the
 * customer's details and the subject are personal data.
 */
@Service
public class ContactService {

	private static final Logger log = LoggerFactory.getLogger(ContactService.class);

	private final MongoContacts contacts;

	private final Clock clock;

	ContactService(MongoContacts contacts, Clock clock) {
		this.contacts = contacts;
		this.clock = clock;
	}

	/**
	 * Logs a contact.
	 * @param receivedAt when it reached us; {@code null} means now
	 */
	public Contact receive(Channel channel, Instant receivedAt, String subject, Customer customer, String assigneeId) {
		Contact.Received received = Contact.receive(UUID.randomUUID().toString(), channel, receivedAt, subject,
				customer, assigneeId, this.clock.instant());
		Contact contact = received.contact();
		this.contacts.insert(contact, received.event());
		log.info("Contact {} received via {} at {}, assigned to {}", contact.id(), contact.channel(),
				contact.receivedAt(), contact.assigneeId());
		return contact;
	}

	public Contact find(String id) {
		return this.contacts.findById(id).orElseThrow(() -> new NotFoundException("No contact with id " + id));
	}

	/**
	 * Records that the customer was answered.
	 * @param respondedAt when; {@code null} means now
	 * @param respondedBy staff id of who answered, if known
	 */
	public Contact recordResponse(String id, Instant respondedAt, String respondedBy) {
		Contact contact = find(id);
		ContactResponded event = contact.respond(respondedAt, respondedBy, this.clock.instant());
		if (!this.contacts.saveResponse(contact, event)) {
			// another request recorded a response between our read and our write
			throw new ContactAlreadyRespondedException(id, null);
		}
		log.info("Contact {} responded to at {}", id, contact.respondedAt());
		return contact;
	}

}
