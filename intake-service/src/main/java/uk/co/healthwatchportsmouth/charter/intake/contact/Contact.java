package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolved;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolvedAtFirstContact;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.HoldingReplySent;
import uk.co.healthwatchportsmouth.charter.contracts.InformationReceived;
import uk.co.healthwatchportsmouth.charter.contracts.InformationRequested;

/**
 * A customer's contact with Healthwatch Portsmouth, from the moment it reached us until
 * it is resolved or becomes a complaint. Each lifecycle step returns the event it causes;
 * the events carry ids and facts only, never the customer's details or the subject.
 * {@code version} counts stored changes, so every event id is unique per fact even when a
 * step (asking the customer for information) happens twice.
 *
 * <p>
 * Instants are kept to the millisecond, the precision they are stored with, so a contact
 * reads back exactly as it was answered when it was logged.
 */
public final class Contact {

	private static final Set<ContactStatus> UNANSWERED = EnumSet.of(ContactStatus.OPEN,
			ContactStatus.HOLDING_REPLY_SENT, ContactStatus.AWAITING_INFORMATION);

	private final String id;

	private long version;

	private final Channel channel;

	private final Instant receivedAt;

	private String subject;

	private Customer customer;

	private String assigneeId;

	private ContactStatus status;

	private Instant respondedAt;

	private String respondedBy;

	private HoldingReply holdingReply;

	/** What the contact returns to when the awaited information arrives. */
	private ContactStatus resumeStatus;

	private Instant resolvedAt;

	private String resolvedBy;

	private boolean resolvedAtFirstContact;

	private Instant escalatedAt;

	private Feedback feedback;

	private Instant personalDataErasedAt;

	/** Read only: projected from sla-service's events, never changed by the contact. */
	private SlaProjection sla = SlaProjection.NONE;

	/** The state of a stored contact, field by field. */
	public record State(String id, long version, Channel channel, Instant receivedAt, String subject, Customer customer,
			String assigneeId, ContactStatus status, Instant respondedAt, String respondedBy, HoldingReply holdingReply,
			ContactStatus resumeStatus, Instant resolvedAt, String resolvedBy, boolean resolvedAtFirstContact,
			Instant escalatedAt, Feedback feedback, Instant personalDataErasedAt) {
	}

	/** Rebuilds a contact exactly as it was stored. */
	public Contact(State state) {
		this.id = Objects.requireNonNull(state.id(), "id");
		this.version = state.version();
		this.channel = Objects.requireNonNull(state.channel(), "channel");
		this.receivedAt = Objects.requireNonNull(state.receivedAt(), "receivedAt");
		this.subject = state.subject();
		this.customer = Objects.requireNonNull(state.customer(), "customer");
		this.assigneeId = Objects.requireNonNull(state.assigneeId(), "assigneeId");
		this.status = Objects.requireNonNull(state.status(), "status");
		if (state.status() == ContactStatus.RESPONDED) {
			Objects.requireNonNull(state.respondedAt(), "respondedAt of a responded contact");
		}
		this.respondedAt = state.respondedAt();
		this.respondedBy = state.respondedBy();
		this.holdingReply = state.holdingReply();
		this.resumeStatus = state.resumeStatus();
		this.resolvedAt = state.resolvedAt();
		this.resolvedBy = state.resolvedBy();
		this.resolvedAtFirstContact = state.resolvedAtFirstContact();
		this.escalatedAt = state.escalatedAt();
		this.feedback = state.feedback();
		this.personalDataErasedAt = state.personalDataErasedAt();
	}

	/** Rebuilds an open or responded contact (the foundation's fields). */
	public Contact(String id, Channel channel, Instant receivedAt, String subject, Customer customer, String assigneeId,
			ContactStatus status, Instant respondedAt, String respondedBy) {
		this(new State(id, 0, channel, receivedAt, Objects.requireNonNull(subject, "subject"), customer, assigneeId,
				status, respondedAt, respondedBy, null, null, null, null, false, null, null, null));
	}

	/** What sla-service's events said of this contact's clocks. */
	public SlaProjection sla() {
		return this.sla;
	}

	/** Attaches the projection stored with the contact; {@code null} means none yet. */
	public Contact withSla(SlaProjection sla) {
		this.sla = (sla != null) ? sla : SlaProjection.NONE;
		return this;
	}

	public State state() {
		return new State(this.id, this.version, this.channel, this.receivedAt, this.subject, this.customer,
				this.assigneeId, this.status, this.respondedAt, this.respondedBy, this.holdingReply, this.resumeStatus,
				this.resolvedAt, this.resolvedBy, this.resolvedAtFirstContact, this.escalatedAt, this.feedback,
				this.personalDataErasedAt);
	}

	/** A newly logged contact and the event announcing it. */
	public record Received(Contact contact, ContactReceived event) {
	}

	/**
	 * Logs a contact.
	 * @param receivedAt when the contact reached us; {@code null} means now
	 * @param customer who contacted us; given {@code customerId} when it has none yet
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
		Customer identified = (customer.customerId() != null) ? customer
				: customer.withId(EventIds.of("customer-of", id));
		Contact contact = new Contact(id, channel, at, subject, identified, assigneeId, ContactStatus.OPEN, null, null);
		ContactReceived event = new ContactReceived(EventIds.of(id, "received"), recordedAt, id, channel.name(), at,
				assigneeId, (identified.type() != null) ? identified.type().name() : null,
				identified.needs().summary());
		return new Received(contact, event);
	}

	/**
	 * Resolves the contact there and then: no answer is owed any more.
	 * @throws InvalidTransitionException unless the contact is still OPEN
	 */
	public ContactResolvedAtFirstContact resolveAtFirstContact(Instant at, String by, Instant now) {
		require(this.status == ContactStatus.OPEN, "resolve it at first point of contact");
		Instant when = stamp(at, now, "resolvedAt");
		this.status = ContactStatus.RESOLVED;
		this.resolvedAt = when;
		this.resolvedBy = by;
		this.resolvedAtFirstContact = true;
		return new ContactResolvedAtFirstContact(nextEventId("resolved-at-first-contact"), recordedAt(now), this.id,
				when, by);
	}

	/**
	 * Records a holding reply telling the customer by when to expect a full answer.
	 * @throws UnprocessableChangeException when the promise is not after the reply
	 */
	public HoldingReplySent sendHoldingReply(Instant at, String reasonCode, Instant promisedBy, String by,
			Instant now) {
		require(this.status == ContactStatus.OPEN || this.status == ContactStatus.HOLDING_REPLY_SENT,
				"send a holding reply");
		Instant when = stamp(at, now, "sentAt");
		Instant promise = toStoredPrecision(Objects.requireNonNull(promisedBy, "promisedBy"));
		if (!promise.isAfter(when)) {
			throw new UnprocessableChangeException("promisedBy", "must be after the holding reply (" + when + ")");
		}
		this.status = ContactStatus.HOLDING_REPLY_SENT;
		this.holdingReply = new HoldingReply(when, reasonCode, promise);
		return new HoldingReplySent(nextEventId("holding-reply-sent"), recordedAt(now), this.id, when, by, reasonCode,
				promise);
	}

	/** The customer was asked for information; the contact waits for it. */
	public InformationRequested requestInformation(Instant at, String by, Instant now) {
		require(this.status == ContactStatus.OPEN || this.status == ContactStatus.HOLDING_REPLY_SENT,
				"await information");
		Instant when = stamp(at, now, "requestedAt");
		this.resumeStatus = this.status;
		this.status = ContactStatus.AWAITING_INFORMATION;
		return new InformationRequested(nextEventId("information-requested"), recordedAt(now), this.id, when, by);
	}

	/** The awaited information arrived; the contact carries on where it was. */
	public InformationReceived receiveInformation(Instant at, String by, Instant now) {
		require(this.status == ContactStatus.AWAITING_INFORMATION, "receive information");
		Instant when = stamp(at, now, "receivedAt");
		this.status = (this.resumeStatus != null) ? this.resumeStatus : ContactStatus.OPEN;
		this.resumeStatus = null;
		return new InformationReceived(nextEventId("information-received"), recordedAt(now), this.id, when, by);
	}

	/**
	 * Records that the customer was answered.
	 * @param respondedAt when the customer was answered; {@code null} means now
	 * @param respondedBy staff id of who answered, if known
	 * @param now the current time
	 * @return the event announcing the response
	 * @throws ContactAlreadyRespondedException when a response was recorded before
	 * @throws InvalidTransitionException when the contact is closed
	 * @throws InvalidContactException when the response would precede the contact or lie
	 * in the future
	 */
	public ContactResponded respond(Instant respondedAt, String respondedBy, Instant now) {
		if (this.respondedAt != null) {
			throw new ContactAlreadyRespondedException(this.id, this.respondedAt);
		}
		require(UNANSWERED.contains(this.status), "respond");
		Instant at = stamp(respondedAt, now, "respondedAt");
		this.status = ContactStatus.RESPONDED;
		this.resumeStatus = null;
		this.respondedAt = at;
		this.respondedBy = respondedBy;
		// the first response keeps the id it always had
		return new ContactResponded(EventIds.of(this.id, "responded"), recordedAt(now), this.id, at, respondedBy);
	}

	/** Closes an answered contact as resolved. */
	public ContactResolved resolve(Instant at, String by, Instant now) {
		require(this.status == ContactStatus.RESPONDED, "resolve it before it was responded to");
		Instant when = stamp(at, now, "resolvedAt");
		if (when.isBefore(this.respondedAt)) {
			throw new InvalidContactException("resolvedAt",
					"must not be before respondedAt (" + this.respondedAt + ")");
		}
		this.status = ContactStatus.RESOLVED;
		this.resolvedAt = when;
		this.resolvedBy = by;
		return new ContactResolved(nextEventId("resolved"), recordedAt(now), this.id, when, by);
	}

	/** Hands the contact to another member of staff. */
	public ContactReassigned reassign(String toAssigneeId, String by, Instant now) {
		require(!this.status.isClosed(), "reassign it");
		if (toAssigneeId.equals(this.assigneeId)) {
			throw new UnprocessableChangeException("toAssigneeId", "is already the assignee");
		}
		String from = this.assigneeId;
		this.assigneeId = toAssigneeId;
		return new ContactReassigned(nextEventId("reassigned"), recordedAt(now), this.id, from, toAssigneeId, by);
	}

	/** Turns the contact into a complaint, which complaints-service takes over. */
	public ContactEscalatedToComplaint escalateToComplaint(String by, Instant now) {
		require(!this.status.isClosed(), "escalate it to a complaint");
		Instant when = recordedAt(now);
		this.status = ContactStatus.ESCALATED;
		this.escalatedAt = when;
		return new ContactEscalatedToComplaint(nextEventId("escalated-to-complaint"), when, this.id, when, by,
				this.customer.customerId(), this.channel.name(),
				(this.customer.type() != null) ? this.customer.type().name() : null);
	}

	/** Records the customer's views, asked for once the contact is resolved. */
	public void recordFeedback(int score, String comment, Instant now) {
		require(this.status == ContactStatus.RESOLVED, "record feedback before it is resolved");
		if (this.feedback != null) {
			throw new InvalidTransitionException(this.id, this.status, "record feedback twice");
		}
		this.feedback = new Feedback(score, (comment == null || comment.isBlank()) ? null : comment.strip(),
				recordedAt(now));
	}

	/**
	 * Blanks everything that identifies the customer or is free text (names, contact
	 * details, subject, access notes, feedback comment), keeping the facts charter
	 * statistics need. Doing it twice changes nothing more.
	 */
	public void erasePersonalData(Instant now) {
		this.subject = null;
		this.customer = this.customer.erased();
		if (this.feedback != null) {
			this.feedback = this.feedback.erased();
		}
		if (this.personalDataErasedAt == null) {
			this.personalDataErasedAt = recordedAt(now);
		}
	}

	/** When the contact was closed (resolved or escalated), if it is. */
	public Instant closedAt() {
		return (this.resolvedAt != null) ? this.resolvedAt : this.escalatedAt;
	}

	private void require(boolean allowed, String step) {
		if (!allowed) {
			throw new InvalidTransitionException(this.id, this.status, step);
		}
	}

	private String nextEventId(String step) {
		return EventIds.of(this.id, step, Long.toString(this.version + 1));
	}

	/**
	 * An instant a step happened: now unless given, never in the future nor before
	 * receipt.
	 */
	private Instant stamp(Instant at, Instant now, String field) {
		Instant when = toStoredPrecision((at != null) ? at : now);
		if (when.isBefore(this.receivedAt)) {
			throw new InvalidContactException(field, "must not be before receivedAt (" + this.receivedAt + ")");
		}
		if (when.isAfter(recordedAt(now))) {
			throw new InvalidContactException(field, "must not be in the future");
		}
		return when;
	}

	private static Instant recordedAt(Instant now) {
		return toStoredPrecision(now);
	}

	private static Instant toStoredPrecision(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	/** The change was stored: the next change is one version on. */
	void stored() {
		this.version++;
	}

	public String id() {
		return this.id;
	}

	public long version() {
		return this.version;
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

	public HoldingReply holdingReply() {
		return this.holdingReply;
	}

	public Instant resolvedAt() {
		return this.resolvedAt;
	}

	public String resolvedBy() {
		return this.resolvedBy;
	}

	public boolean resolvedAtFirstContact() {
		return this.resolvedAtFirstContact;
	}

	public Instant escalatedAt() {
		return this.escalatedAt;
	}

	public Feedback feedback() {
		return this.feedback;
	}

	public Instant personalDataErasedAt() {
		return this.personalDataErasedAt;
	}

}
