package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.clock.TimerKind;

/**
 * Timers scheduled by an instance that does not hold their shard, left in
 * {@code timer_handoffs} for the owner to pick up on its next poll. A hint only: the
 * clock itself is already stored with its timer, and whoever takes a shard over loads it
 * from there, so a handoff nobody reads loses nothing. Handoffs are kept for
 * {@code handoff-retention} rather than deleted when read, so a new owner also sees those
 * that its predecessor read just before it lost the shard.
 */
public class TimerHandoff {

	public static final String COLLECTION = "timer_handoffs";

	private static final Logger log = LoggerFactory.getLogger(TimerHandoff.class);

	private final MongoTemplate mongo;

	private final Clock wall;

	private final Queue<Failed> failed = new ConcurrentLinkedQueue<>();

	public TimerHandoff(MongoTemplate mongo, Clock wall) {
		this.mongo = mongo;
		this.wall = wall;
	}

	public void createIndexes() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes
			.createIndex(new Index("shard", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("by_shard"));
		indexes.createIndex(new Index("createdAt", Sort.Direction.ASC).named("by_age"));
	}

	/**
	 * Leaves the timer for the shard's owner. A handoff that cannot be written now (the
	 * store is failing) is kept here and written by {@link #retryFailed()}.
	 */
	public void offer(ClockTimer timer, int shard) {
		try {
			write(timer, shard);
		}
		catch (RuntimeException ex) {
			log.warn("Could not hand the {} timer of clock {} to the owner of shard {}; will retry: {}",
					timer.timer().kind(), timer.clockId(), shard, ex.getMessage());
			this.failed.add(new Failed(timer, shard));
		}
	}

	/** Writes the handoffs that failed before, as long as the store takes them. */
	public void retryFailed() {
		Failed next;
		while ((next = this.failed.peek()) != null) {
			write(next.timer(), next.shard());
			this.failed.remove(next);
		}
	}

	private void write(ClockTimer timer, int shard) {
		String id = timer.clockId() + "|" + timer.timer().kind() + "|" + timer.timer().at().toEpochMilli();
		this.mongo.save(new Document("_id", id).append("shard", shard)
			.append("clockId", timer.clockId())
			.append("kind", timer.timer().kind().name())
			.append("at", Date.from(timer.timer().at()))
			.append("createdAt", Date.from(this.wall.instant())), COLLECTION);
	}

	/** The handoffs for these shards written since the given instant. */
	public List<Handed> since(Set<Integer> shards, Instant since) {
		Query query = Query.query(Criteria.where("shard").in(shards).and("createdAt").gte(Date.from(since)));
		return this.mongo.find(query, Document.class, COLLECTION)
			.stream()
			.map((document) -> new Handed(document.getString("_id"),
					new ClockTimer(document.getString("clockId"),
							new Timer(TimerKind.valueOf(document.getString("kind")),
									document.get("at", Date.class).toInstant()))))
			.toList();
	}

	public void purgeOlderThan(Instant cutoff) {
		this.mongo.remove(Query.query(Criteria.where("createdAt").lt(Date.from(cutoff))), COLLECTION);
	}

	private record Failed(ClockTimer timer, int shard) {

	}

	/** A handed-off timer and the id of its handoff. */
	public record Handed(String id, ClockTimer timer) {

	}

}
