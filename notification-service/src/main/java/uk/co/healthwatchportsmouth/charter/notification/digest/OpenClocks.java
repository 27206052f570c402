package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolved;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolvedAtFirstContact;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

/**
 * The open clocks per assignee, for the morning digest, in collection
 * {@code open_clocks}: opened by {@code sla.clock-started.v1}, moved by
 * {@code sla.deadline-changed.v1}, kept (as overdue) by {@code sla.breached.v1}, closed
 * by {@code sla.met.v1} or a {@code contact.responded.v1} for the contact.
 *
 * <p>
 * Intake's lifecycle decides who owns a contact and when it is over, and sla-service
 * keeps naming the first assignee, so what intake said is kept per contact in
 * {@code contact_lifecycle} and wins over any sla event, whichever topic is read first:
 * {@code contact.reassigned.v1} moves the contact's clocks to the new assignee (the
 * latest reassignment by {@code occurredAt} counts), {@code contact.resolved.v1} and
 * {@code contact.resolved-at-first-contact.v1} remove them for good (a resolved contact
 * never reopens). Every write is an upsert, a conditional update or a delete, so a
 * repeated event changes nothing.
 */
public class OpenClocks {

	static final String COLLECTION = "open_clocks";

	static final String LIFECYCLE = "contact_lifecycle";

	private static final String ASSIGNEE = "assigneeId";

	private static final String REASSIGNED_AT = "reassignedAt";

	private static final String RESOLVED = "resolved";

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
			case ContactResponded responded -> closeAll(responded.contactId());
			case ContactReassigned reassigned -> reassign(reassigned);
			case ContactResolved resolved -> resolve(resolved.contactId());
			case ContactResolvedAtFirstContact resolved -> resolve(resolved.contactId());
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
			update.set(ASSIGNEE, assigneeId);
		}
		this.mongo.upsert(byId(clockId), update, COLLECTION);
		// checked after the write: a lifecycle event recorded meanwhile either is seen
		// here or its own update comes after this write and corrects it
		Document lifecycle = lifecycleOf(contactId);
		if (lifecycle == null) {
			return;
		}
		if (Boolean.TRUE.equals(lifecycle.getBoolean(RESOLVED))) {
			this.mongo.remove(byId(clockId), COLLECTION);
		}
		else if (lifecycle.getString(ASSIGNEE) != null) {
			this.mongo.updateFirst(byId(clockId), Update.update(ASSIGNEE, lifecycle.getString(ASSIGNEE)), COLLECTION);
		}
	}

	private void reassign(ContactReassigned reassigned) {
		Query notNewer = Query.query(Criteria.where("_id")
			.is(reassigned.contactId())
			.orOperator(Criteria.where(REASSIGNED_AT).exists(false),
					Criteria.where(REASSIGNED_AT).lte(reassigned.occurredAt())));
		try {
			this.mongo.upsert(notNewer,
					Update.update(ASSIGNEE, reassigned.toAssigneeId()).set(REASSIGNED_AT, reassigned.occurredAt()),
					LIFECYCLE);
		}
		catch (DuplicateKeyException ex) {
			// a later reassignment is already recorded: this older one changes nothing
		}
		Document lifecycle = lifecycleOf(reassigned.contactId());
		if (lifecycle != null && lifecycle.getString(ASSIGNEE) != null) {
			this.mongo.updateMulti(Query.query(Criteria.where("contactId").is(reassigned.contactId())),
					Update.update(ASSIGNEE, lifecycle.getString(ASSIGNEE)), COLLECTION);
		}
	}

	private void resolve(String contactId) {
		// remembered first, then removed: an sla event read meanwhile sees it after its
		// own write (see open)
		this.mongo.upsert(byId(contactId), Update.update(RESOLVED, true), LIFECYCLE);
		closeAll(contactId);
	}

	private void closeAll(String contactId) {
		this.mongo.remove(Query.query(Criteria.where("contactId").is(contactId)), COLLECTION);
	}

	private Document lifecycleOf(String contactId) {
		return this.mongo.findById(contactId, Document.class, LIFECYCLE);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
