package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
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
 * by {@code sla.met.v1}, {@code sla.clock-cancelled.v1} or a {@code contact.responded.v1}
 * for the contact. {@code sla.clock-paused.v1} marks a clock paused (waiting for the
 * customer: the digest leaves it out, as neither due nor overdue) and
 * {@code sla.clock-resumed.v1} clears the mark and takes the new deadline; a pause is
 * only applied if no later resume is recorded, so a pause delivered again after its
 * resume changes nothing.
 *
 * <p>
 * Intake's lifecycle decides who owns a contact and when it is over, and sla-service
 * keeps naming the first assignee, so what intake said is kept per contact in
 * {@code contact_lifecycle} and wins over any sla event, whichever topic is read first:
 * {@code contact.reassigned.v1} moves the contact's clocks to the new assignee (the
 * latest reassignment by {@code occurredAt} counts; {@code complaint.reassigned.v1} does
 * the same for a complaint's clocks, by {@code reassignedAt}),
 * {@code contact.resolved.v1} and {@code contact.resolved-at-first-contact.v1} remove
 * them for good (a resolved contact never reopens). Every write is an upsert, a
 * conditional update or a delete, so a repeated event changes nothing.
 */
public class OpenClocks {

	static final String COLLECTION = "open_clocks";

	static final String LIFECYCLE = "contact_lifecycle";

	private static final String ASSIGNEE = "assigneeId";

	private static final String REASSIGNED_AT = "reassignedAt";

	private static final String RESOLVED = "resolved";

	private static final String PAUSED = "paused";

	private static final String RESUMED_AT = "resumedAt";

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
			case Met met -> this.mongo.remove(byId(met.clockId()), COLLECTION);
			case ClockCancelled cancelled -> this.mongo.remove(byId(cancelled.clockId()), COLLECTION);
			case ClockPaused paused -> pause(paused);
			case ClockResumed resumed -> resume(resumed);
			case ContactResponded responded -> closeAll(responded.contactId());
			case ContactReassigned reassigned ->
				reassign(reassigned.contactId(), reassigned.toAssigneeId(), reassigned.occurredAt());
			// sla-service moves a complaint's clocks without an event of its own
			case ComplaintReassigned reassigned ->
				reassign(reassigned.complaintId(), reassigned.handlerId(), reassigned.reassignedAt());
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

	private void pause(ClockPaused paused) {
		if (resumedSince(paused.clockId(), paused.pausedAt())) {
			// a late copy of a pause that has already ended: it changes nothing
			return;
		}
		open(paused.clockId(), paused.contactId(), paused.standard(), paused.assigneeId(), paused.dueAt());
		this.mongo.updateFirst(byId(paused.clockId()), Update.update(PAUSED, true), COLLECTION);
	}

	private void resume(ClockResumed resumed) {
		if (resumedSince(resumed.clockId(), resumed.resumedAt())) {
			// this resume, or a later one, is already recorded
			return;
		}
		open(resumed.clockId(), resumed.contactId(), resumed.standard(), resumed.assigneeId(), resumed.dueAt());
		this.mongo.updateFirst(byId(resumed.clockId()),
				Update.update(PAUSED, false).set(RESUMED_AT, resumed.resumedAt()), COLLECTION);
	}

	/**
	 * Whether the clock resumed at or after {@code instant}. One clock's events share a
	 * key, so they are read one at a time, in order: reading first is safe.
	 */
	private boolean resumedSince(String clockId, Instant instant) {
		Document clock = this.mongo.findById(clockId, Document.class, COLLECTION);
		Date resumedAt = (clock != null) ? clock.getDate(RESUMED_AT) : null;
		return resumedAt != null && !resumedAt.toInstant().isBefore(instant);
	}

	private void reassign(String contactId, String toAssigneeId, Instant reassignedAt) {
		Query notNewer = Query.query(Criteria.where("_id")
			.is(contactId)
			.orOperator(Criteria.where(REASSIGNED_AT).exists(false), Criteria.where(REASSIGNED_AT).lte(reassignedAt)));
		try {
			this.mongo.upsert(notNewer, Update.update(ASSIGNEE, toAssigneeId).set(REASSIGNED_AT, reassignedAt),
					LIFECYCLE);
		}
		catch (DuplicateKeyException ex) {
			// a later reassignment is already recorded: this older one changes nothing
		}
		Document lifecycle = lifecycleOf(contactId);
		if (lifecycle != null && lifecycle.getString(ASSIGNEE) != null) {
			this.mongo.updateMulti(Query.query(Criteria.where("contactId").is(contactId)),
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
