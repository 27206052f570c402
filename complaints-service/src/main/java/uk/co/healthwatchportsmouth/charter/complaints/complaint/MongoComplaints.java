package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * Stores complaints in MongoDB. Every write saves the change, its events and its history
 * entry in one document update (no transactions here), then hands the document to the
 * outbox. Changes are conditional on the version they were made from and rewrite only the
 * {@code complaint} field, so the outbox relay's removals of published events stay
 * intact.
 */
@Component
class MongoComplaints {

	private final MongoTemplate mongo;

	private final EventOutbox outbox;

	MongoComplaints(MongoTemplate mongo, EventOutbox complaintOutbox) {
		this.mongo = mongo;
		this.outbox = complaintOutbox;
	}

	/**
	 * The list's filters and the report's period (the wire server in tests ignores them).
	 */
	@PostConstruct
	void createIndexes() {
		IndexOperations indexes = this.mongo.indexOps(ComplaintDocument.COLLECTION);
		indexes.createIndex(new Index(ComplaintDocument.RECEIVED_AT, Sort.Direction.DESC).named("by_received"));
		indexes.createIndex(new Index(ComplaintDocument.STATE, Sort.Direction.ASC)
			.on(ComplaintDocument.RECEIVED_AT, Sort.Direction.DESC)
			.named("by_state"));
		indexes.createIndex(new Index(ComplaintDocument.HANDLER, Sort.Direction.ASC)
			.on(ComplaintDocument.RECEIVED_AT, Sort.Direction.DESC)
			.named("by_handler"));
	}

	/**
	 * Stores a new complaint.
	 * @return {@code false} when a complaint with its id (derived from an idempotency key
	 * or an escalated contact) already exists
	 */
	boolean insert(Complaint complaint, List<CharterEvent> events, String requestFingerprint, HistoryEntry history) {
		try {
			this.mongo.insert(new ComplaintDocument(complaint.id(), 0, complaint, requestFingerprint,
					events.stream().map(PendingEvent::of).toList(), List.of(history)));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		this.outbox.publishSoon(ComplaintDocument.COLLECTION, complaint.id());
		return true;
	}

	Optional<StoredComplaint> find(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().exclude(ComplaintDocument.OUTBOX, ComplaintDocument.HISTORY);
		return Optional.ofNullable(this.mongo.findOne(byId, ComplaintDocument.class))
			.map((document) -> new StoredComplaint(document.complaint(), document.version()));
	}

	Optional<String> requestFingerprint(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include(ComplaintDocument.FINGERPRINT);
		return Optional.ofNullable(this.mongo.findOne(byId, Document.class, ComplaintDocument.COLLECTION))
			.map((document) -> document.getString(ComplaintDocument.FINGERPRINT));
	}

	List<HistoryEntry> history(String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		// version too: the document's version is a primitive the mapping must be given
		byId.fields().include(ComplaintDocument.HISTORY, ComplaintDocument.VERSION);
		ComplaintDocument document = this.mongo.findOne(byId, ComplaintDocument.class);
		return (document == null || document.history() == null) ? List.of() : document.history();
	}

	/**
	 * Saves a change made to the complaint as it was at {@code fromVersion}, with its
	 * events and history entry, unless someone else changed it since.
	 */
	boolean saveChange(Complaint complaint, long fromVersion, List<CharterEvent> events, HistoryEntry history) {
		Query unchanged = Query.query(Criteria.where("_id").is(complaint.id()))
			.addCriteria(Criteria.where(ComplaintDocument.VERSION).is(fromVersion));
		Document fields = new Document();
		this.mongo.getConverter().write(complaint, fields);
		fields.remove("_class");
		Update change = new Update().set(ComplaintDocument.COMPLAINT, fields)
			.set(ComplaintDocument.VERSION, fromVersion + 1)
			.push(ComplaintDocument.HISTORY, history);
		if (!events.isEmpty()) {
			change.push(ComplaintDocument.OUTBOX).each(events.stream().map(PendingEvent::of).toArray());
		}
		if (this.mongo.updateFirst(unchanged, change, ComplaintDocument.class).getModifiedCount() == 0) {
			return false;
		}
		if (!events.isEmpty()) {
			this.outbox.publishSoon(ComplaintDocument.COLLECTION, complaint.id());
		}
		return true;
	}

	/** One page of complaints, newest first, and how many match in all. */
	ComplaintPage search(ComplaintState state, ComplaintKind kind, String handlerId, int page, int size) {
		Query query = new Query();
		if (state != null) {
			query.addCriteria(Criteria.where(ComplaintDocument.STATE).is(state));
		}
		if (kind != null) {
			query.addCriteria(Criteria.where(ComplaintDocument.KIND).is(kind));
		}
		if (handlerId != null) {
			query.addCriteria(Criteria.where(ComplaintDocument.HANDLER).is(handlerId));
		}
		long total = this.mongo.count(query, ComplaintDocument.class);
		query.with(Sort.by(Sort.Direction.DESC, ComplaintDocument.RECEIVED_AT).and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size);
		query.fields().exclude(ComplaintDocument.OUTBOX, ComplaintDocument.HISTORY);
		List<StoredComplaint> found = this.mongo.find(query, ComplaintDocument.class)
			.stream()
			.map((document) -> new StoredComplaint(document.complaint(), document.version()))
			.toList();
		return new ComplaintPage(found, page, size, total);
	}

	/** Complaints received in [from, to). */
	List<Complaint> receivedBetween(Instant from, Instant to) {
		Query query = Query.query(Criteria.where(ComplaintDocument.RECEIVED_AT).gte(from).lt(to));
		query.fields().exclude(ComplaintDocument.OUTBOX, ComplaintDocument.HISTORY);
		return this.mongo.find(query, ComplaintDocument.class).stream().map(ComplaintDocument::complaint).toList();
	}

}
