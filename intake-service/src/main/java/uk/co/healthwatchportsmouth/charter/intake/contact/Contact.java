package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

/**
 * A customer's contact with Healthwatch Portsmouth, from the moment it reached us until
 * the customer was answered. Each change returns the event it causes; the events carry
 * ids and facts only, never the customer's details or the subject.
 *
 * <p>
 * Instants are kept to the millisecond, the precision they are stored with, so a contact
 * reads back exactly as it was answered when it was logged.
 */
public final class Contact {

	private final String id;

	private final Channel channel;

	private final Instant receivedAt;

	private final String subject;

	private final Customer customer;

	private final String assigneeId;

	private ContactStatus status;

	private Instant respondedAt;

	private String respondedBy;

	/** Rebuilds a contact exactly as it was stored. */
	public Contact(String id, Channel channel, Instant receivedAt, String subject, Customer customer, String assigneeId,
			ContactStatus status, Instant respondedAt, String respondedBy) {
		this.id = Objects.requireNonNull(id, "id");
		this.channel = Objects.requireNonNull(channel, "channel");
		this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
		this.subject = Objects.requireNonNull(subject, "subject");
		this.customer = Objects.requireNonNull(customer, "customer");
		this.assigneeId = Objects.requireNonNull(assigneeId, "assigneeId");
		this.status = Objects.requireNonNull(status, "status");
		if (status == ContactStatus.RESPONDED) {
			Objects.requireNonNull(respondedAt, "respondedAt of a responded contact");
		}
		this.respondedAt = respondedAt;
		this.respondedBy = respondedBy;
	}

	/** A newly logged contact and the event announcing it. */
	public record Received(Contact contact, ContactReceived event) {
	}

	/**
	 * Logs a contact.
	 * @param receivedAt when the contact reached us; {@code null} means now
	 * @param now the current time
	 * @throws InvalidContactException when the contact reached us in the future, or came
	 * by email without an address to answer
	 */
	public static Received receive(String id, Channel channel, Instant receivedAt, String subject, Customer customer,
			String assigneeId, Instant now) {
		Instant at = toStoredPrecision((receivedAt != null) ? receivedAt : now);
		Instant recordedAt = toStoredPrecision(now);
		if (at.isAfter(recordedAt)) {
			throw new InvalidContactException("receivedAt", "must not be in the future");
		}
		if (channel == Channel.EMAIL && !customer.hasEmail()) {
			throw new InvalidContactException("customer.email", "is required when the channel is EMAIL");
		}
		Contact contact = new Contact(id, channel, at, subject, customer, assigneeId, ContactStatus.OPEN, null, null);
		ContactReceived event = new ContactReceived(EventIds.of(id, "received"), recordedAt, id, channel.name(), at,
				assigneeId);
		return new Received(contact, event);
	}

	/**
	 * Records that the customer was answered.
	 * @param respondedAt when the customer was answered; {@code null} means now
	 * @param respondedBy staff id of who answered, if known
	 * @param now the current time
	 * @return the event announcing the response
	 * @throws ContactAlreadyRespondedException when a response was recorded before
	 * @throws InvalidContactException when the response would precede the contact or lie
	 * in the future
	 */
	public ContactResponded respond(Instant respondedAt, String respondedBy, Instant now) {
		if (this.status == ContactStatus.RESPONDED) {
			throw new ContactAlreadyRespondedException(this.id, this.respondedAt);
		}
		Instant at = toStoredPrecision((respondedAt != null) ? respondedAt : now);
		Instant recordedAt = toStoredPrecision(now);
		if (at.isBefore(this.receivedAt)) {
			throw new InvalidContactException("respondedAt", "must not be before receivedAt (" + this.receivedAt + ")");
		}
		if (at.isAfter(recordedAt)) {
			throw new InvalidContactException("respondedAt", "must not be in the future");
		}
		this.status = ContactStatus.RESPONDED;
		this.respondedAt = at;
		this.respondedBy = respondedBy;
		return new ContactResponded(EventIds.of(this.id, "responded"), recordedAt, this.id, at, respondedBy);
	}

	private static Instant toStoredPrecision(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	public String id() {
		return this.id;
	}

	public Channel channel() {
		return this.channel;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public String subject() {
		return this.subject;
	}

	public Customer customer() {
		return this.customer;
	}

	public String assigneeId() {
		return this.assigneeId;
	}

	public ContactStatus status() {
		return this.status;
	}

	public Instant respondedAt() {
		return this.respondedAt;
	}

	public String respondedBy() {
		return this.respondedBy;
	}

}
