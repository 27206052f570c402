package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.Collection;
import java.util.List;

import jakarta.annotation.PostConstruct;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;

/**
 * Keeps sla-service's complaint clocks in their own collection, one document per clock,
 * keyed by clock id. Clock events may arrive before the complaint is stored here (both
 * follow the same complaint event), so they are never joined on write: the complaint and
 * its clocks meet when read. Writes are conditional on the clock's revision, so two
 * consumers of one clock never lose an update.
 */
@Component
class MongoDeadlines {

	static final String COLLECTION = "complaint_deadlines";

	private static final int ATTEMPTS = 5;

	private final MongoTemplate mongo;

	MongoDeadlines(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("complaintId", Sort.Direction.ASC).named("by_complaint"));
	}

	/**
	 * @return whether the projection changed ({@code false} for a redelivery)
	 */
	boolean apply(CharterEvent event, String clockId) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			ClockDeadline before = this.mongo.findById(clockId, ClockDeadline.class, COLLECTION);
			ClockDeadline after = ClockDeadline.apply(before, event);
			if (after == before) {
				return false;
			}
			if (before == null) {
				try {
					this.mongo.insert(after, COLLECTION);
					return true;
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			Query unchanged = Query.query(Criteria.where("_id").is(clockId))
				.addCriteria(Criteria.where("revision").is(before.revision()));
			if (this.mongo.findAndReplace(unchanged, after, COLLECTION) != null) {
				return true;
			}
		}
		// the binder retries the record, then dead-letters it
		throw new IllegalStateException("Clock " + clockId + " kept changing underneath " + event.eventId());
	}

	List<ClockDeadline> ofComplaint(String complaintId) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").is(complaintId)), ClockDeadline.class,
				COLLECTION);
	}

	List<ClockDeadline> ofComplaints(Collection<String> complaintIds) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").in(complaintIds)), ClockDeadline.class,
				COLLECTION);
	}

}
