package uk.co.healthwatchportsmouth.charter.notification.complaint;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;

/**
 * Who handles each complaint, by complaint id, in collection {@code complaint_handlers}:
 * from {@code complaint.received.v1}, then the latest {@code complaint.reassigned.v1}.
 * Later complaint events may leave their handler out; their emails still need someone to
 * go to. Staff ids only. A write only wins over a record made at the same time or
 * earlier, so a late or repeated event changes nothing.
 */
public class ComplaintHandlers {

	static final String COLLECTION = "complaint_handlers";

	private static final String HANDLER = "handlerId";

	private static final String SINCE = "since";

	private final MongoTemplate mongo;

	public ComplaintHandlers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void apply(CharterEvent event) {
		switch (event) {
			case ComplaintReceived received ->
				record(received.complaintId(), received.handlerId(), received.receivedAt());
			case ComplaintReassigned reassigned ->
				record(reassigned.complaintId(), reassigned.handlerId(), reassigned.reassignedAt());
			default -> {
			}
		}
	}

	public Optional<String> handlerOf(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, Document.class, COLLECTION))
			.map((found) -> found.getString(HANDLER));
	}

	private void record(String complaintId, String handlerId, Instant since) {
		Query notNewer = Query.query(Criteria.where("_id")
			.is(complaintId)
			.orOperator(Criteria.where(SINCE).exists(false), Criteria.where(SINCE).lte(since)));
		try {
			this.mongo.upsert(notNewer, Update.update(HANDLER, handlerId).set(SINCE, since), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// a later handler is already recorded: this older event changes nothing
		}
	}

}
