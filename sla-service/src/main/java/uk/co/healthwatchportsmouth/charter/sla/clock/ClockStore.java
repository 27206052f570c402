package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.RawBsonDocument;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerShards;
import uk.co.healthwatchportsmouth.charter.support.mongo.RawBson;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * Keeps clocks in MongoDB, the source of truth for their state and timers. Every write
 * stores a clock's change together with the events it caused (in the document's outbox),
 * then hands the document to the outbox relay.
 */
@Component
public class ClockStore {

	public static final String COLLECTION = "clocks";

	private final MongoTemplate mongo;

	private final EventOutbox outbox;

	private final ClockMetrics metrics;

	private final TimerShards shards;

	public ClockStore(MongoTemplate mongo, EventOutbox outbox, ClockMetrics metrics, TimerShards shards) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.metrics = metrics;
		this.shards = shards;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index(ClockDocument.CONTACT_ID, Sort.Direction.ASC).named("by_contact"));
		// only clocks with a pending timer have the field, so this sparse index holds
		// just
		// the open clocks that start-up loads
		indexes
			.createIndex(new Index(ClockDocument.NEXT_TIMER_AT, Sort.Direction.ASC).sparse().named("pending_timers"));
		// the queue views (GET /clocks) and the compliance report select on these and
		// sort by deadline
		indexes.createIndex(new Index(ClockDocument.DUE_AT, Sort.Direction.ASC).named("by_deadline"));
		indexes.createIndex(
				new Index(ClockDocument.ASSIGNEE_ID, Sort.Direction.ASC).on(ClockDocument.DUE_AT, Sort.Direction.ASC)
					.named("queue_by_assignee"));
		indexes
			.createIndex(new Index(ClockDocument.STATE, Sort.Direction.ASC).on(ClockDocument.DUE_AT, Sort.Direction.ASC)
				.named("queue_by_state"));
		indexes.createIndex(
				new Index(ClockDocument.STANDARD, Sort.Direction.ASC).on(ClockDocument.DUE_AT, Sort.Direction.ASC)
					.named("queue_by_standard"));
		// a shard's new owner loads its pending timers (and fences its clocks) by shard
		indexes.createIndex(
				new Index(ClockDocument.SHARD, Sort.Direction.ASC).on(ClockDocument.NEXT_TIMER_AT, Sort.Direction.ASC)
					.named("pending_timers_by_shard"));
	}

	/**
	 * Stores a new clock with the event that started it.
	 * @return false when a clock with that id already exists, in which case nothing
	 * changes (a redelivered contact event starts nothing twice)
	 */
	public boolean insert(DeadlineClock clock, ClockStarted started) {
		return !insertAll(List.of(new DeadlineClock.Started(clock, started))).isEmpty();
	}

	/**
	 * Stores new clocks, each with the event that started it, in one write for all of
	 * them.
	 * @return the ids of the clocks stored; a clock whose id exists already (a
	 * redelivered contact event) is left out and changes nothing, as is a second clock
	 * with the same id in the list
	 */
	public Set<String> insertAll(List<DeadlineClock.Started> started) {
		Map<String, PendingEvent> startedById = new LinkedHashMap<>();
		List<RawBsonDocument> documents = new ArrayList<>(started.size());
		for (DeadlineClock.Started clock : started) {
			String id = clock.clock().id();
			if (!startedById.containsKey(id)) {
				PendingEvent event = PendingEvent.of(clock.event());
				startedById.put(id, event);
				documents.add(RawBson.of(newClock(clock.clock(), event, this.shards.of(id))));
			}
		}
		if (documents.isEmpty()) {
			return Set.of();
		}
		List<String> ids = new ArrayList<>(startedById.keySet());
		Set<String> inserted = new LinkedHashSet<>(ids);
		Set<String> stored = new LinkedHashSet<>(ids);
		MongoBulkWriteException failure = null;
		try {
			this.mongo.getCollection(COLLECTION)
				.withDocumentClass(RawBsonDocument.class)
				.insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				String id = ids.get(error.getIndex());
				inserted.remove(id);
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					stored.remove(id);
					failure = ex;
				}
			}
		}
		for (String id : stored) {
			if (inserted.contains(id)) {
				// a new clock's outbox holds its started event and nothing else
				this.outbox.publishSoon(COLLECTION, id, List.of(startedById.get(id)));
			}
			else {
				// a clock that exists already may have been stored by an attempt that
				// failed before its event was published: the relay finds out (an empty
				// outbox costs a read)
				this.outbox.publishSoon(COLLECTION, id);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return inserted;
	}

	/**
	 * Stores a change to a clock with the events it caused, provided the stored clock is
	 * still at the version the change was worked out from.
	 * @return false when the clock had changed meanwhile (nothing is written)
	 */
	public boolean update(ClockVersion basedOn, DeadlineClock changed, List<CharterEvent> events) {
		Document before = clocks().findOneAndUpdate(unchanged(basedOn, changed.id(), null),
				changes(changed, events.stream().map(PendingEvent::of).toList(), null));
		if (before == null) {
			return false;
		}
		if (!events.isEmpty()) {
			this.outbox.publishSoon(COLLECTION, changed.id());
			this.metrics.recorded(events);
		}
		return true;
	}

	/**
	 * Stores timer firings, each with the event it caused, in one write for all of them.
	 * Each is applied only if its clock is still at the version it was worked out from
	 * and, fenced by its lease epoch, only while no newer lease on the clock's shard has
	 * touched the clock: a new owner fences its shard's clocks when it takes the lease
	 * over, so an instance that lost the shard cannot fire them any more.
	 * @return the ids of the clocks whose firing was stored
	 */
	public Set<String> storeFirings(List<Firing> firings) {
		if (firings.isEmpty()) {
			return Set.of();
		}
		List<UpdateOneModel<Document>> writes = new ArrayList<>(firings.size());
		List<PendingEvent> events = new ArrayList<>(firings.size());
		for (Firing firing : firings) {
			DeadlineClock before = DeadlineClock.restore(firing.before());
			PendingEvent event = PendingEvent.of(firing.event());
			events.add(event);
			writes.add(new UpdateOneModel<>(
					RawBson.of(unchanged(ClockVersion.of(before), firing.changed().id(), firing.leaseEpoch())),
					RawBson.of(firingChanges(before, firing, event))));
		}
		BulkWriteResult result = clocks().bulkWrite(writes, new BulkWriteOptions().ordered(false));
		Set<String> stored = new HashSet<>();
		if (result.getModifiedCount() == firings.size()) {
			firings.forEach((firing) -> stored.add(firing.changed().id()));
		}
		else {
			// some clocks changed meanwhile; the result does not say which, the clocks do
			Map<String, String> eventIds = new HashMap<>();
			firings.forEach((firing) -> eventIds.put(firing.changed().id(), firing.event().eventId()));
			Query fired = Query.query(Criteria.where("_id").in(eventIds.keySet()));
			fired.fields().include(ClockDocument.LAST_FIRING);
			for (Document document : this.mongo.find(fired, Document.class, COLLECTION)) {
				String id = document.getString("_id");
				if (eventIds.get(id).equals(document.getString(ClockDocument.LAST_FIRING))) {
					stored.add(id);
				}
			}
		}
		for (int i = 0; i < firings.size(); i++) {
			Firing firing = firings.get(i);
			String id = firing.changed().id();
			if (stored.contains(id)) {
				if (firing.eventsUnpublishedBefore()) {
					this.outbox.publishSoon(COLLECTION, id);
				}
				else {
					// the write applied to the clock as read, with an empty outbox: the
					// firing's event is all the outbox holds
					this.outbox.publishSoon(COLLECTION, id, List.of(events.get(i)));
				}
				this.metrics.recorded(List.of(firing.event()));
			}
		}
		return stored;
	}

	// Clock writes are built as BSON directly rather than mapped from the entity: a
	// timer firing is the hottest write of the service, and mapping each one's query and
	// update costs more than the write itself. The values are stored as the mapping
	// stores them (instants as dates, enums by name).
	private MongoCollection<Document> clocks() {
		return this.mongo.getCollection(COLLECTION);
	}

	/**
	 * A new clock's document, as the mapping of {@link ClockDocument} stores it: what a
	 * change sets, and what never changes.
	 */
	static Document newClock(DeadlineClock clock, PendingEvent started, int shard) {
		Document document = new Document("_id", clock.id()).append(ClockDocument.CONTACT_ID, clock.contactId())
			.append(ClockDocument.STANDARD, clock.standard())
			.append("standardVersion", clock.standardVersion())
			.append(ClockDocument.STARTED_AT, date(clock.startedAt()));
		document.putAll(changes(clock, List.of(), null).get("$set", Document.class));
		clock.workingDays().ifPresent((days) -> document.append("workingDays", days));
		return document.append(EventOutbox.FIELD, List.of(outboxEntry(started)))
			.append(ClockDocument.SHARD, shard)
			.append("_class", ClockDocument.class.getName());
	}

	/**
	 * What a firing changes, and only that: the fields that differ from the clock as it
	 * was read (the write applies only to that version of the clock), the fencing epoch,
	 * the firing's event id and its event in the outbox. A firing changes a few fields of
	 * a clock; setting all of them again would cost the store as much as the rest of the
	 * write.
	 */
	static Document firingChanges(DeadlineClock before, Firing firing, PendingEvent event) {
		Document update = changes(firing.changed(), List.of(event), firing.leaseEpoch());
		Document stored = changes(before, List.of(), null).get("$set", Document.class);
		Document set = update.get("$set", Document.class);
		set.entrySet().removeIf((field) -> field.getValue().equals(stored.get(field.getKey())));
		set.append(ClockDocument.LAST_FIRING, firing.event().eventId());
		Document unset = update.get("$unset", Document.class);
		if (unset != null) {
			unset.keySet().removeIf((field) -> !stored.containsKey(field));
			if (unset.isEmpty()) {
				update.remove("$unset");
			}
		}
		return update;
	}

	private static Document unchanged(ClockVersion basedOn, String id, Long leaseEpoch) {
		Document unchanged = new Document("_id", id).append(ClockDocument.STATE, basedOn.state().name())
			.append(ClockDocument.NEXT_TIMER_KIND, basedOn.timer().map((timer) -> timer.kind().name()).orElse(null))
			.append(ClockDocument.NEXT_TIMER_AT, basedOn.timer().map((timer) -> date(timer.at())).orElse(null))
			.append(ClockDocument.DUE_AT, date(basedOn.dueAt()))
			.append(ClockDocument.ASSIGNEE_ID, basedOn.assigneeId());
		if (leaseEpoch != null) {
			unchanged.append("$or", List.of(new Document(ClockDocument.FENCE, new Document("$exists", false)),
					new Document(ClockDocument.FENCE, new Document("$lte", leaseEpoch))));
		}
		return unchanged;
	}

	private static Document changes(DeadlineClock changed, List<PendingEvent> events, Long leaseEpoch) {
		Document set = new Document(ClockDocument.STATE, changed.state().name())
			.append(ClockDocument.DUE_AT, date(changed.dueAt()))
			.append("reminderPoints", changed.reminderPoints().stream().map(ClockStore::date).toList())
			.append("remindersSent", changed.remindersSent())
			.append("escalationsSent", changed.escalationsSent())
			.append(ClockDocument.RESOLVED_AT_FIRST_CONTACT, changed.resolvedAtFirstContact())
			.append(ClockDocument.DUE_BY_AGREEMENT, changed.dueByAgreement());
		Document unset = new Document();
		setOrUnset(set, unset, "reminderAt", changed.reminderAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "nextEscalationAt", changed.nextEscalationAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "reminderSentAt", changed.reminderSentAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "breachedAt", changed.breachedAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "respondedAt", changed.respondedAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, ClockDocument.ASSIGNEE_ID, changed.assigneeId());
		setOrUnset(set, unset, "pausedAt", changed.pausedAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "resumedAt", changed.resumedAt().map(ClockStore::date).orElse(null));
		setOrUnset(set, unset, "cancelledAt", changed.cancelledAt().map(ClockStore::date).orElse(null));
		Optional<Timer> next = changed.pendingTimer();
		setOrUnset(set, unset, ClockDocument.NEXT_TIMER_KIND, next.map((timer) -> timer.kind().name()).orElse(null));
		setOrUnset(set, unset, ClockDocument.NEXT_TIMER_AT, next.map((timer) -> date(timer.at())).orElse(null));
		if (leaseEpoch != null) {
			set.append(ClockDocument.FENCE, leaseEpoch);
		}
		Document update = new Document("$set", set);
		if (!unset.isEmpty()) {
			update.append("$unset", unset);
		}
		if (!events.isEmpty()) {
			update.append("$push", new Document(EventOutbox.FIELD,
					new Document("$each", events.stream().map(ClockStore::outboxEntry).toList())));
		}
		return update;
	}

	/** An outbox entry as the mapping stores a {@link PendingEvent}. */
	private static Document outboxEntry(PendingEvent event) {
		Document entry = new Document("eventId", event.eventId()).append("type", event.type())
			.append("payload", event.payload())
			.append("occurredAt", date(event.occurredAt()));
		if (event.traceParent() != null) {
			entry.append("traceParent", event.traceParent());
		}
		if (event.key() != null) {
			entry.append("key", event.key());
		}
		return entry;
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static void setOrUnset(Document set, Document unset, String field, Object value) {
		if (value != null) {
			set.append(field, value);
		}
		else {
			unset.append(field, "");
		}
	}

	public Optional<DeadlineClock> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ClockDocument.class)).map(ClockDocument::toClock);
	}

	/**
	 * The stored clocks with these ids, read at once to fire their timers, each with
	 * whether its outbox still holds events of an earlier change (missing clocks are left
	 * out).
	 */
	public Map<String, ReadToFire> findToFire(Collection<String> ids) {
		Map<String, ReadToFire> found = new HashMap<>();
		// the whole document: its outbox is almost always empty, and leaving it out
		// would cost the store a copy of each document
		clocks().find(RawBson.of(new Document("_id", new Document("$in", ids))))
			// all in the first reply rather than the default first batch of 101 and a
			// second round trip for the rest
			.batchSize(Math.max(1, ids.size()))
			.forEach((stored) -> found.put(stored.getString("_id"),
					new ReadToFire(ClockDocument.fromStored(stored).toClock(),
							!stored.getList(EventOutbox.FIELD, Object.class, List.of()).isEmpty())));
		return found;
	}

	/**
	 * A clock as read to fire its timer.
	 *
	 * @param eventsUnpublished whether its outbox held events of an earlier change
	 */
	public record ReadToFire(DeadlineClock clock, boolean eventsUnpublished) {

	}

	/** The stored clocks with these ids, read at once (missing ones are left out). */
	public Map<String, DeadlineClock> findAll(Collection<String> ids) {
		Map<String, DeadlineClock> found = new HashMap<>();
		findToFire(ids).forEach((id, read) -> found.put(id, read.clock()));
		return found;
	}

	/**
	 * The ids of every running clock, the ones whose deadline a calendar change can move.
	 */
	public List<String> runningClockIds() {
		Query running = Query.query(Criteria.where(ClockDocument.STATE).is(ClockState.RUNNING));
		running.fields().include("_id");
		return this.mongo.find(running, Document.class, COLLECTION)
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	public List<DeadlineClock> findByContact(String contactId) {
		Query byContact = Query.query(Criteria.where(ClockDocument.CONTACT_ID).is(contactId))
			.with(Sort.by("startedAt"));
		return this.mongo.find(byContact, ClockDocument.class).stream().map(ClockDocument::toClock).toList();
	}

	/**
	 * One page of the clocks matching every given filter. A contact's clocks come in the
	 * order they started (as they always have); any other listing in deadline order.
	 */
	public List<DeadlineClock> list(ClockFilter filter, int page, int size) {
		Criteria criteria = new Criteria();
		if (filter.contactId() != null) {
			criteria.and(ClockDocument.CONTACT_ID).is(filter.contactId());
		}
		if (filter.assigneeId() != null) {
			criteria.and(ClockDocument.ASSIGNEE_ID).is(filter.assigneeId());
		}
		if (filter.state() != null) {
			criteria.and(ClockDocument.STATE).is(filter.state());
		}
		if (filter.standard() != null) {
			criteria.and(ClockDocument.STANDARD).is(filter.standard());
		}
		if (filter.dueBefore() != null) {
			criteria.and(ClockDocument.DUE_AT).lt(filter.dueBefore());
		}
		Sort order = filter.contactOnly() ? Sort.by(ClockDocument.STARTED_AT, "_id")
				: Sort.by(ClockDocument.DUE_AT, "_id");
		Query query = Query.query(criteria).with(order).skip((long) page * size).limit(size);
		query.fields().exclude(EventOutbox.FIELD);
		return this.mongo.find(query, ClockDocument.class).stream().map(ClockDocument::toClock).toList();
	}

	/** Every clock due in {@code [from, to)}, for reports. */
	public Stream<DeadlineClock> dueBetween(Instant from, Instant to) {
		Query due = Query.query(Criteria.where(ClockDocument.DUE_AT).gte(from).lt(to));
		due.fields().exclude(EventOutbox.FIELD);
		return this.mongo.stream(due, ClockDocument.class).map(ClockDocument::toClock);
	}

	/**
	 * Fences the shard's pending clocks at the epoch of a lease just taken, so that
	 * firings under any earlier lease on the shard fail from now on.
	 */
	public void fenceShard(int shard, long leaseEpoch) {
		fenceShards(Map.of(shard, leaseEpoch));
	}

	/**
	 * Fences the pending clocks of shards just taken, each at the epoch of its lease: one
	 * write per distinct epoch rather than one per shard (each is a pass over the open
	 * clocks where no index serves it).
	 */
	public void fenceShards(Map<Integer, Long> epochByShard) {
		Map<Long, List<Integer>> shardsByEpoch = new TreeMap<>();
		epochByShard
			.forEach((shard, epoch) -> shardsByEpoch.computeIfAbsent(epoch, (e) -> new ArrayList<>()).add(shard));
		shardsByEpoch.forEach((leaseEpoch, shards) -> {
			// only clocks with a timer can be fired; closed ones are left alone
			Query older = Query.query(Criteria.where(ClockDocument.SHARD)
				.in(shards)
				.and(ClockDocument.NEXT_TIMER_AT)
				.ne(null)
				.orOperator(Criteria.where(ClockDocument.FENCE).exists(false),
						Criteria.where(ClockDocument.FENCE).lt(leaseEpoch)));
			this.mongo.updateMulti(older, new Update().set(ClockDocument.FENCE, leaseEpoch), COLLECTION);
		});
	}

	/**
	 * The pending timers of the clocks in these shards, read once when an instance takes
	 * the shards over; clocks in them whose events are not yet published are handed to
	 * the outbox (their writer may have died before publishing). Clocks stored before
	 * sharding get their shard on the way.
	 * @return how many timers were passed on
	 */
	public long takeOverShards(Set<Integer> taken, Consumer<ClockTimer> pendingTimer) {
		Query inShards = Query.query(new Criteria().andOperator(
				new Criteria().orOperator(Criteria.where(ClockDocument.SHARD).in(taken),
						Criteria.where(ClockDocument.SHARD).exists(false)),
				new Criteria().orOperator(Criteria.where(ClockDocument.NEXT_TIMER_AT).ne(null),
						Criteria.where(EventOutbox.FIELD + ".0").exists(true))));
		inShards.fields()
			.include(ClockDocument.NEXT_TIMER_KIND, ClockDocument.NEXT_TIMER_AT, ClockDocument.SHARD,
					EventOutbox.FIELD);
		// in batches: a server that would otherwise answer with every document at once
		// (the Mongo wire server does) exceeds the largest reply a client accepts once
		// there are about a million open clocks
		inShards.cursorBatchSize(10_000);
		long passed = 0;
		try (Stream<Document> documents = this.mongo.stream(inShards, Document.class, COLLECTION)) {
			for (Document document : (Iterable<Document>) documents::iterator) {
				String id = document.getString("_id");
				int shard = this.shards.of(id);
				if (!taken.contains(shard)) {
					continue;
				}
				if (document.get(ClockDocument.SHARD) == null) {
					this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
							new Update().set(ClockDocument.SHARD, shard), COLLECTION);
				}
				List<?> unpublished = document.getList(EventOutbox.FIELD, Object.class);
				if (unpublished != null && !unpublished.isEmpty()) {
					this.outbox.publishSoon(COLLECTION, id);
				}
				Date at = document.get(ClockDocument.NEXT_TIMER_AT, Date.class);
				if (at != null) {
					pendingTimer.accept(new ClockTimer(id, new Timer(
							TimerKind.valueOf(document.getString(ClockDocument.NEXT_TIMER_KIND)), at.toInstant())));
					passed++;
				}
			}
		}
		return passed;
	}

}
