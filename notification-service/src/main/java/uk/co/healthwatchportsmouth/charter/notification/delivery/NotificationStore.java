package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Notifications in MongoDB, collection {@code notifications}, one document per event with
 * {@code _id} = event id.
 */
class NotificationStore {

	static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;

	NotificationStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Indexes for real MongoDB; the wire server accepts and ignores them. */
	void createIndexes() {
		IndexOperations indexes = this.mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("status", Sort.Direction.ASC)
			.on("nextAttemptAt", Sort.Direction.ASC)
			.named("pending_by_next_attempt"));
		indexes.createIndex(new Index().on("recipients.staffId", Sort.Direction.ASC)
			.on("createdAt", Sort.Direction.DESC)
			.named("by_recipient_newest_first"));
		indexes.createIndex(new Index().on("createdAt", Sort.Direction.DESC).named("newest_first"));
	}

	/**
	 * Records a new notification.
	 * @return {@code false} if one with the same id (the same event) already exists
	 */
	boolean insertIfAbsent(Notification notification) {
		try {
			this.mongo.insert(notification, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void save(Notification notification) {
		this.mongo.save(notification, COLLECTION);
	}

	Optional<Notification> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Notification.class, COLLECTION));
	}

	List<Notification> list(String recipientStaffId, Notification.Status status, Instant from, int limit) {
		Query query = new Query();
		if (recipientStaffId != null) {
			query.addCriteria(Criteria.where("recipients.staffId").is(recipientStaffId));
		}
		if (status != null) {
			query.addCriteria(Criteria.where("status").is(status));
		}
		if (from != null) {
			query.addCriteria(Criteria.where("createdAt").gte(from));
		}
		query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).limit(limit);
		return this.mongo.find(query, Notification.class, COLLECTION);
	}

	List<Notification> findDue(Instant now, int limit) {
		Query query = Query.query(dueAt(now)).with(Sort.by("nextAttemptAt")).limit(limit);
		return this.mongo.find(query, Notification.class, COLLECTION);
	}

	/**
	 * Takes a due notification for this sender until the given time.
	 * @return the claimed notification, or empty if someone else claimed it first or it
	 * is no longer due
	 */
	Optional<Notification> claim(String id, Instant now, Instant until) {
		Query query = Query.query(Criteria.where("_id").is(id).andOperator(dueAt(now)));
		Notification claimed = this.mongo.findAndModify(query, Update.update("nextAttemptAt", until),
				FindAndModifyOptions.options().returnNew(true), Notification.class, COLLECTION);
		return Optional.ofNullable(claimed);
	}

	Optional<Instant> earliestPendingAttempt() {
		Query query = Query.query(Criteria.where("status").is(Notification.Status.PENDING))
			.with(Sort.by("nextAttemptAt"))
			.limit(1);
		return Optional.ofNullable(this.mongo.findOne(query, Notification.class, COLLECTION))
			.map(Notification::nextAttemptAt);
	}

	private static Criteria dueAt(Instant now) {
		return Criteria.where("status").is(Notification.Status.PENDING).and("nextAttemptAt").lte(now);
	}

}
