package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * Logs contacts and takes them through their lifecycle, one stored version at a time.
 * Logs name contacts and customers by id only: the customer's details, the subject and
 * any other free text are personal data.
 */
@Service
public class ContactService {

	/** Recorded as the actor when a request names no member of staff. */
	public static final String UNIDENTIFIED = "unidentified";

	/** The audit action of a read that showed the contact's personal data. */
	public static final String VIEWED = "VIEWED";

	private static final Logger log = LoggerFactory.getLogger(ContactService.class);

	/** How often a change without If-Match is re-applied after losing a race. */
	private static final int ATTEMPTS = 5;

	private final MongoContacts contacts;

	private final Clock clock;

	private final MeterRegistry meters;

	ContactService(MongoContacts contacts, Clock clock, MeterRegistry meters) {
		this.contacts = contacts;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * A logged contact, and whether it was logged by an earlier request with the same
	 * key.
	 */
	public record Logged(Contact contact, boolean replayed) {
	}

	/**
	 * Logs a contact.
	 * @param receivedAt when it reached us; {@code null} means now
	 */
	public Contact receive(Channel channel, Instant receivedAt, String subject, Customer customer, String assigneeId) {
		return receive(channel, receivedAt, subject, customer, assigneeId, null, null, null).contact();
	}

	/**
	 * Logs a contact once per idempotency key.
	 * @param idempotencyKey the client's key for this request, or {@code null}
	 * @param requestFingerprint identifies the request's content, to tell a retry from a
	 * different request reusing the key
	 * @throws UnprocessableChangeException when the key was used for a different request
	 */
	public Logged receive(Channel channel, Instant receivedAt, String subject, Customer customer, String assigneeId,
			String idempotencyKey, String requestFingerprint, String staffId) {
		String id = (idempotencyKey != null) ? EventIds.of("idempotency-key", idempotencyKey)
				: UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		Contact.Received received = Contact.receive(id, channel, receivedAt, subject, customer, assigneeId, now);
		Contact contact = received.contact();
		AuditEntry audit = new AuditEntry(received.event().occurredAt(), actor(staffId), "RECEIVED",
				"via " + channel + ", assigned to " + assigneeId);
		if (!this.contacts.insert(contact, received.event(), requestFingerprint, audit)) {
			String stored = this.contacts.requestFingerprint(id).orElse(null);
			if (stored != null && !stored.equals(requestFingerprint)) {
				throw new UnprocessableChangeException("Idempotency-Key", "was already used for a different contact");
			}
			log.info("Contact {} already logged under its idempotency key; answering the stored contact", id);
			return new Logged(find(id), true);
		}
		log.info("Contact {} received via {} at {}, assigned to {}", contact.id(), contact.channel(),
				contact.receivedAt(), contact.assigneeId());
		this.meters.counter("charter.contacts.received", "channel", contact.channel().name()).increment();
		return new Logged(contact, false);
	}

	/** The service's current time, for steps that default to now. */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Reads a contact for a member of staff and audits the read: its customer's personal
	 * data is shown. The entry names who and when, never the data.
	 */
	public Contact view(String id, String staffId) {
		Contact contact = find(id);
		this.contacts.appendAudit(List.of(id), new AuditEntry(this.clock.instant(), actor(staffId), VIEWED, null));
		return contact;
	}

	/**
	 * Searches for a member of staff and audits each contact listed: the list shows their
	 * customers' personal data.
	 */
	public ContactPage view(ContactFilter filter, int page, int size, String staffId) {
		ContactPage found = search(filter, page, size);
		this.contacts.appendAudit(found.contacts().stream().map(Contact::id).toList(),
				new AuditEntry(this.clock.instant(), actor(staffId), VIEWED, "in a search result"));
		return found;
	}

	public Contact find(String id) {
		return this.contacts.findById(id).orElseThrow(() -> new NotFoundException("No contact with id " + id));
	}

	public ContactPage search(ContactFilter filter, int page, int size) {
		return this.contacts.search(filter, page, size);
	}

	public List<AuditEntry> audit(String id) {
		find(id);
		return this.contacts.audit(id);
	}

	/**
	 * Records that the customer was answered.
	 * @param respondedAt when; {@code null} means now
	 * @param respondedBy staff id of who answered, if known
	 */
	public Contact recordResponse(String id, Instant respondedAt, String respondedBy) {
		return change(id, null, respondedBy, "RESPONDED",
				(contact) -> contact.respond(respondedAt, respondedBy, this.clock.instant()));
	}

	/**
	 * Applies one lifecycle step and stores it with its event and an audit entry.
	 * @param expectedVersion the version the client changed (If-Match), or {@code null}
	 * to change whatever is current
	 * @param step the change; returns its event, or {@code null} for a change that
	 * publishes none
	 * @throws StaleContactException when {@code expectedVersion} is not current
	 */
	public Contact change(String id, Long expectedVersion, String staffId, String action,
			Function<Contact, CharterEvent> step) {
		for (int attempt = 1;; attempt++) {
			Contact contact = find(id);
			if (expectedVersion != null && expectedVersion != contact.version()) {
				throw new StaleContactException(id, expectedVersion, contact.version());
			}
			ContactStatus before = contact.status();
			CharterEvent event = step.apply(contact);
			AuditEntry audit = new AuditEntry(this.clock.instant(), actor(staffId), action,
					auditDetail(before, contact));
			if (this.contacts.saveChange(contact, event, audit)) {
				log.info("Contact {} {}: {} -> {}", id, action, before, contact.status());
				return contact;
			}
			if (expectedVersion != null) {
				throw new StaleContactException(id, expectedVersion, expectedVersion + 1);
			}
			if (attempt == ATTEMPTS) {
				throw new IllegalStateException("Contact " + id + " kept changing; gave up after " + attempt);
			}
		}
	}

	private static String auditDetail(ContactStatus before, Contact after) {
		return "status " + before + " -> " + after.status() + ", assignee " + after.assigneeId();
	}

	static String actor(String staffId) {
		return (staffId != null) ? staffId : UNIDENTIFIED;
	}

}
