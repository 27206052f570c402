package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

/**
 * The open clocks per assignee, for the morning digest, in collection
 * {@code open_clocks}: opened by {@code sla.clock-started.v1}, moved by
 * {@code sla.deadline-changed.v1}, kept (as overdue) by {@code sla.breached.v1}, closed
 * by {@code sla.met.v1} or a {@code contact.responded.v1} for the contact. Every write is
 * an upsert or a delete, so a repeated event changes nothing.
 */
public class OpenClocks {

	static final String COLLECTION = "open_clocks";

	private final MongoTemplate mongo;

	public OpenClocks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void apply(CharterEvent event) {
		switch (event) {
			case ClockStarted started ->
				open(started.clockId(), started.contactId(), started.standard(), started.assigneeId(), started.dueAt());
			case DeadlineChanged changed ->
				open(changed.clockId(), changed.contactId(), changed.standard(), changed.assigneeId(), changed.dueAt());
			case Breached breached -> open(breached.clockId(), breached.contactId(), breached.standard(),
					breached.assigneeId(), breached.dueAt());
			case Met met -> this.mongo.remove(Query.query(Criteria.where("_id").is(met.clockId())), COLLECTION);
			case ContactResponded responded ->
				this.mongo.remove(Query.query(Criteria.where("contactId").is(responded.contactId())), COLLECTION);
			default -> {
			}
		}
	}

	/** All open clocks: a few hundred at most for an office this size. */
	public List<OpenClock> all() {
		return this.mongo.findAll(OpenClock.class, COLLECTION);
	}

	private void open(String clockId, String contactId, String standard, String assigneeId, Instant dueAt) {
		Update update = Update.update("contactId", contactId).set("standard", standard).set("dueAt", dueAt);
		if (assigneeId != null) {
			// an event that names nobody leaves the assignee as it was
			update.set("assigneeId", assigneeId);
		}
		this.mongo.upsert(Query.query(Criteria.where("_id").is(clockId)), update, COLLECTION);
	}

}
