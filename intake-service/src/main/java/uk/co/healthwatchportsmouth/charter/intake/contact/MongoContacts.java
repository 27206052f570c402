package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * Stores contacts in MongoDB. Every write saves the change, its event and its audit entry
 * in one document update (Mongo has no transactions here), then hands the document to the
 * outbox to publish. Changes are conditional on the version they were made from
 * (optimistic concurrency) and rewrite only the contact's own fields, so the outbox
 * relay's removals of published events stay intact.
 */
@Component
class MongoContacts {

	private final MongoTemplate mongo;

	private final EventOutbox outbox;

	MongoContacts(MongoTemplate mongo, EventOutbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/**
	 * Stores a new contact.
	 * @return whether it was stored: {@code false} when a contact with its id (derived
	 * from an idempotency key) already exists
	 */
	boolean insert(Contact contact, ContactReceived event, String requestFingerprint, AuditEntry audit) {
		try {
			this.mongo.insert(
					ContactDocument.of(contact, requestFingerprint, List.of(PendingEvent.of(event)), List.of(audit)));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		this.outbox.publishSoon(ContactDocument.COLLECTION, contact.id());
		return true;
	}

	Optional<Contact> findById(String id) {
		return Optional.ofNullable(document(id)).map(ContactDocument::toContact);
	}

	Optional<String> requestFingerprint(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include(ContactDocument.FINGERPRINT);
		return Optional.ofNullable(this.mongo.findOne(byId, Document.class, ContactDocument.COLLECTION))
			.map((document) -> document.getString(ContactDocument.FINGERPRINT));
	}

	/**
	 * Appends one audit entry to each of these contacts without touching their version
	 * (so their ETags): a read changes nothing but the trail.
	 */
	void appendAudit(List<String> ids, AuditEntry entry) {
		if (!ids.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
					new Update().push(ContactDocument.AUDIT, entry), ContactDocument.class);
		}
	}

	List<AuditEntry> audit(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include(ContactDocument.AUDIT);
		ContactDocument document = this.mongo.findOne(byId, ContactDocument.class);
		return (document == null || document.audit() == null) ? List.of() : document.audit();
	}

	/**
	 * Saves a change made to the contact as it was at {@code contact.version()}, with its
	 * event (if any) and audit entry, unless someone else changed it since.
	 * @return whether the change was saved; on success the contact is one version on
	 */
	boolean saveChange(Contact contact, CharterEvent event, AuditEntry audit) {
		long from = contact.version();
		Query unchanged = Query.query(Criteria.where("_id").is(contact.id()))
			.addCriteria((from == 0)
					? new Criteria().orOperator(Criteria.where(ContactDocument.VERSION).is(0L),
							Criteria.where(ContactDocument.VERSION).exists(false))
					: Criteria.where(ContactDocument.VERSION).is(from));
		Document fields = new Document();
		this.mongo.getConverter().write(ContactDocument.of(contact, null, null, null), fields);
		Update change = new Update();
		for (String field : fields.keySet()) {
			if (!ContactDocument.NOT_REWRITTEN.contains(field) && !"_class".equals(field)) {
				change.set(field, fields.get(field));
			}
		}
		for (String cleared : List.of("subject", "respondedAt", "respondedBy", "holdingReply", "resumeStatus",
				"resolvedAt", "resolvedBy", "escalatedAt", "closedAt", "feedback", "personalDataErasedAt")) {
			if (!fields.containsKey(cleared)) {
				change.unset(cleared);
			}
		}
		change.set(ContactDocument.VERSION, from + 1).push(ContactDocument.AUDIT, audit);
		if (event != null) {
			change.push(ContactDocument.OUTBOX, PendingEvent.of(event));
		}
		if (this.mongo.updateFirst(unchanged, change, ContactDocument.class).getModifiedCount() == 0) {
			return false;
		}
		contact.stored();
		if (event != null) {
			this.outbox.publishSoon(ContactDocument.COLLECTION, contact.id());
		}
		return true;
	}

	/**
	 * One page of contacts matching the filter, newest first, and how many match in all.
	 */
	ContactPage search(ContactFilter filter, int page, int size) {
		Query query = new Query();
		if (filter.status() != null) {
			query.addCriteria(Criteria.where(ContactDocument.STATUS).is(filter.status()));
		}
		if (filter.channel() != null) {
			query.addCriteria(Criteria.where(ContactDocument.CHANNEL).is(filter.channel()));
		}
		if (filter.assigneeId() != null) {
			query.addCriteria(Criteria.where(ContactDocument.ASSIGNEE).is(filter.assigneeId()));
		}
		if (filter.receivedAfter() != null || filter.receivedBefore() != null) {
			Criteria received = Criteria.where(ContactDocument.RECEIVED_AT);
			if (filter.receivedAfter() != null) {
				received = received.gte(filter.receivedAfter());
			}
			if (filter.receivedBefore() != null) {
				received = received.lt(filter.receivedBefore());
			}
			query.addCriteria(received);
		}
		if (filter.dueBefore() != null) {
			query.addCriteria(Criteria.where(ContactDocument.SLA_DUE_AT).lt(filter.dueBefore()));
		}
		if (filter.breached() != null) {
			query.addCriteria(filter.breached() ? Criteria.where(ContactDocument.SLA_BREACHED).is(true)
					: Criteria.where(ContactDocument.SLA_BREACHED).ne(true));
		}
		long total = this.mongo.count(query, ContactDocument.class);
		query.with(Sort.by(Sort.Direction.DESC, ContactDocument.RECEIVED_AT).and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size);
		query.fields().exclude(ContactDocument.OUTBOX, ContactDocument.AUDIT);
		List<Contact> contacts = this.mongo.find(query, ContactDocument.class)
			.stream()
			.map(ContactDocument::toContact)
			.toList();
		return new ContactPage(contacts, page, size, total);
	}

	/** Ids of every contact of one customer. */
	List<String> idsOfCustomer(String customerId) {
		return ids(Query.query(Criteria.where(ContactDocument.CUSTOMER_ID).is(customerId)));
	}

	/** Ids of contacts closed before {@code cutoff} whose personal data is still held. */
	List<String> idsClosedBeforeAndNotErased(Instant cutoff) {
		return ids(Query.query(Criteria.where(ContactDocument.CLOSED_AT).lt(cutoff))
			.addCriteria(Criteria.where(ContactDocument.ERASED_AT).is(null)));
	}

	/** Feedback given in [from, to). */
	List<Feedback> feedbackGiven(Instant from, Instant to) {
		Query query = Query.query(Criteria.where(ContactDocument.FEEDBACK_GIVEN_AT).gte(from).lt(to));
		query.fields().include(ContactDocument.FEEDBACK);
		List<Feedback> feedback = new ArrayList<>();
		for (ContactDocument document : this.mongo.find(query, ContactDocument.class)) {
			feedback.add(document.feedback());
		}
		return feedback;
	}

	private List<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, ContactDocument.COLLECTION)
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	private ContactDocument document(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().exclude(ContactDocument.OUTBOX, ContactDocument.AUDIT);
		return this.mongo.findOne(byId, ContactDocument.class);
	}

}
