package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * A contact as stored in the {@code contacts} collection. Its {@code outbox} holds the
 * events of the latest changes until Kafka has them, and its {@code audit} who changed
 * what, both written in the same document update as the change itself. A contact logged
 * with an {@code Idempotency-Key} has an {@code _id} derived from the key, so a retried
 * request cannot store a second one; {@code requestFingerprint} tells a retry from a
 * different request reusing the key. {@code sla} is sla-service's clocks as projected
 * from its events; only {@link MongoSlaProjections} writes it.
 */
@Document(ContactDocument.COLLECTION)
record ContactDocument(@Id String id, Long version, Channel channel, Instant receivedAt, String subject,
		Customer customer, String assigneeId, ContactStatus status, Instant respondedAt, String respondedBy,
		HoldingReply holdingReply, ContactStatus resumeStatus, Instant resolvedAt, String resolvedBy,
		Boolean resolvedAtFirstContact, Instant escalatedAt, Instant closedAt, Feedback feedback,
		Instant personalDataErasedAt, String requestFingerprint, List<PendingEvent> outbox, List<AuditEntry> audit,
		SlaProjection sla) {

	static final String COLLECTION = "contacts";

	static final String VERSION = "version";

	static final String STATUS = "status";

	static final String CHANNEL = "channel";

	static final String ASSIGNEE = "assigneeId";

	static final String RECEIVED_AT = "receivedAt";

	static final String CLOSED_AT = "closedAt";

	static final String CUSTOMER_ID = "customer.customerId";

	static final String FEEDBACK = "feedback";

	static final String FEEDBACK_GIVEN_AT = "feedback.givenAt";

	static final String ERASED_AT = "personalDataErasedAt";

	static final String FINGERPRINT = "requestFingerprint";

	static final String OUTBOX = EventOutbox.FIELD;

	static final String AUDIT = "audit";

	/**
	 * Written only by the projection of sla-service's events
	 * ({@link MongoSlaProjections}).
	 */
	static final String SLA = "sla";

	static final String SLA_DUE_AT = "sla.dueAt";

	static final String SLA_BREACHED = "sla.breached";

	static final String SLA_REVISION = "sla.revision";

	/** Fields a change never rewrites: they are written once or appended to. */
	static final List<String> NOT_REWRITTEN = List.of("_id", VERSION, FINGERPRINT, OUTBOX, AUDIT, SLA);

	static ContactDocument of(Contact contact, String requestFingerprint, List<PendingEvent> outbox,
			List<AuditEntry> audit) {
		Contact.State s = contact.state();
		return new ContactDocument(s.id(), s.version(), s.channel(), s.receivedAt(), s.subject(), s.customer(),
				s.assigneeId(), s.status(), s.respondedAt(), s.respondedBy(), s.holdingReply(), s.resumeStatus(),
				s.resolvedAt(), s.resolvedBy(), s.resolvedAtFirstContact(), s.escalatedAt(), contact.closedAt(),
				s.feedback(), s.personalDataErasedAt(), requestFingerprint, outbox, audit, null);
	}

	Contact toContact() {
		return new Contact(new Contact.State(this.id, (this.version != null) ? this.version : 0, this.channel,
				this.receivedAt, this.subject, this.customer, this.assigneeId, this.status, this.respondedAt,
				this.respondedBy, this.holdingReply, this.resumeStatus, this.resolvedAt, this.resolvedBy,
				Boolean.TRUE.equals(this.resolvedAtFirstContact), this.escalatedAt, this.feedback,
				this.personalDataErasedAt))
			.withSla(this.sla);
	}

}
