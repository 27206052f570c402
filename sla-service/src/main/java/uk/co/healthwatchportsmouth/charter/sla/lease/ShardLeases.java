package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * This instance's share of the timer shards, held as leases in MongoDB.
 *
 * <p>
 * Each shard has one lease document {@code {_id: shard, owner, epoch, expiresAt}}. The
 * owner renews it every round; anyone may take it once it has expired, and taking it
 * (from anyone, even from an earlier life of the same instance) increments its epoch, the
 * fencing token that every firing carries. Each instance aims at a fair share of the
 * shards among the live instances (those whose heartbeat in {@code timer_instances} has
 * not expired), giving up its surplus and taking expired or free leases up to its share.
 *
 * <p>
 * Lease times are wall-clock ({@code Clock.systemUTC()} unless a test passes another),
 * never the service's business clock, which the local stack and tests move by hours. An
 * instance treats its leases as current only until {@code lease-ttl - max-clock-skew}
 * after the start of its last successful round, so it stops firing before any other
 * instance could take a lease over, even when its renewals hang.
 */
public class ShardLeases {

	public static final String LEASES = "timer_leases";

	public static final String INSTANCES = "timer_instances";

	private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

	private static final String SHARD_COUNT_ID = "shard-count";

	private final MongoTemplate mongo;

	private final TimerShards shards;

	private final ShardingProperties settings;

	private final Clock wall;

	private final String instanceId;

	/** Shard to the epoch this instance holds it at. */
	private final Map<Integer, Long> held = new ConcurrentHashMap<>();

	/**
	 * Shards gained whose timers are not yet loaded: reported as gained by every round
	 * until {@link #loaded(Set)} confirms them, so a round or a load that fails halfway
	 * loses none.
	 */
	private final Map<Integer, Long> notLoaded = new ConcurrentHashMap<>();

	private volatile Instant currentUntil = Instant.EPOCH;

	public ShardLeases(MongoTemplate mongo, TimerShards shards, ShardingProperties settings, Clock wall,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.shards = shards;
		this.settings = settings;
		this.wall = wall;
		this.instanceId = settings.instanceId().isBlank() ? hostName() : settings.instanceId();
		Gauge.builder("sla.timers.shards.owned", this.held, Map::size)
			.description("Timer shards whose lease this instance holds")
			.register(meters);
	}

	public String instanceId() {
		return this.instanceId;
	}

	public int shardOf(String clockId) {
		return this.shards.of(clockId);
	}

	/**
	 * Creates the lease documents and checks that the store was set up with the same
	 * number of shards: clocks remember their shard, so the number cannot change under
	 * them.
	 */
	public void prepare() {
		this.mongo.indexOps(INSTANCES).createIndex(new Index("expiresAt", Sort.Direction.ASC).named("live_instances"));
		try {
			this.mongo.insert(new Document("_id", SHARD_COUNT_ID).append("count", this.shards.count()), LEASES);
		}
		catch (DuplicateKeyException ex) {
			Document stored = this.mongo.findById(SHARD_COUNT_ID, Document.class, LEASES);
			int count = (stored != null) ? stored.getInteger("count", this.shards.count()) : this.shards.count();
			if (count != this.shards.count()) {
				throw new IllegalStateException("charter.sla.sharding.shards is " + this.shards.count()
						+ " but the clocks in this store were sharded " + count
						+ " ways; run every instance with shards=" + count);
			}
		}
		for (int shard = 0; shard < this.shards.count(); shard++) {
			try {
				this.mongo.insert(new Document("_id", shard).append("owner", null)
					.append("epoch", 0L)
					.append("expiresAt", Date.from(Instant.EPOCH)), LEASES);
			}
			catch (DuplicateKeyException ex) {
				// another instance, or an earlier life, created it
			}
		}
	}

	/**
	 * One round: heartbeat, renew the leases held, give up any surplus over the fair
	 * share, and take expired ones up to it.
	 * @return the shards gained (with their epochs) and lost in this round
	 */
	public synchronized Changes renew() {
		Instant now = this.wall.instant();
		Date expiresAt = Date.from(now.plus(this.settings.leaseTtl()));
		this.mongo.upsert(Query.query(Criteria.where("_id").is(this.instanceId)),
				new Update().set("expiresAt", expiresAt), INSTANCES);
		int target = fairShare(now);

		Set<Integer> lost = new HashSet<>();
		for (Map.Entry<Integer, Long> lease : new ArrayList<>(this.held.entrySet())) {
			Document renewed = this.mongo.findAndModify(mine(lease.getKey(), lease.getValue()),
					new Update().set("expiresAt", expiresAt), Document.class, LEASES);
			if (renewed == null) {
				this.held.remove(lease.getKey());
				lost.add(lease.getKey());
			}
		}
		if (!lost.isEmpty()) {
			log.warn("Leases of timer shard(s) {} were taken over; no longer firing their timers", new TreeSet<>(lost));
		}
		List<Integer> surplus = new ArrayList<>(new TreeSet<>(this.held.keySet()).descendingSet());
		for (int shard : surplus.subList(0, Math.max(0, this.held.size() - target))) {
			Long epoch = this.held.remove(shard);
			lost.add(shard);
			this.mongo.updateFirst(mine(shard, epoch),
					new Update().set("owner", null).set("expiresAt", Date.from(Instant.EPOCH)), LEASES);
			log.info("Gave up timer shard {} (fair share {}) for another instance to take", shard, target);
		}

		Map<Integer, Long> gained = new HashMap<>();
		int offset = Math.floorMod(this.instanceId.hashCode(), this.shards.count());
		for (int i = 0; i < this.shards.count() && this.held.size() < target; i++) {
			int shard = (offset + i) % this.shards.count();
			if (this.held.containsKey(shard)) {
				continue;
			}
			Query takeable = Query.query(Criteria.where("_id")
				.is(shard)
				.orOperator(Criteria.where("expiresAt").lt(Date.from(now)),
						Criteria.where("owner").is(this.instanceId)));
			Document taken = this.mongo.findAndModify(takeable,
					new Update().set("owner", this.instanceId).set("expiresAt", expiresAt).inc("epoch", 1L),
					FindAndModifyOptions.options().returnNew(true), Document.class, LEASES);
			if (taken != null) {
				long epoch = ((Number) taken.get("epoch")).longValue();
				this.held.put(shard, epoch);
				this.notLoaded.put(shard, epoch);
				gained.put(shard, epoch);
			}
		}
		this.notLoaded.keySet().retainAll(this.held.keySet());
		this.currentUntil = now.plus(this.settings.leaseTtl()).minus(this.settings.maxClockSkew());
		if (!gained.isEmpty()) {
			log.info("Took timer shard(s) {} (instance {}, {} held, fair share {})", new TreeSet<>(gained.keySet()),
					this.instanceId, this.held.size(), target);
		}
		return new Changes(Map.copyOf(this.notLoaded), lost);
	}

	/** Confirms that the timers of these gained shards are loaded. */
	public void loaded(Set<Integer> shards) {
		shards.forEach(this.notLoaded::remove);
	}

	/**
	 * The epoch of this instance's lease on the shard, if it holds one it has renewed
	 * recently enough to act on.
	 */
	public OptionalLong currentEpoch(int shard) {
		Long epoch = this.held.get(shard);
		if (epoch == null || !this.wall.instant().isBefore(this.currentUntil)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(epoch);
	}

	/** Whether the lease is held, renewed recently or not. */
	public boolean holds(int shard) {
		return this.held.containsKey(shard);
	}

	public Set<Integer> heldShards() {
		return Set.copyOf(this.held.keySet());
	}

	/** Gives every lease up at once, for a clean shutdown. */
	public synchronized Set<Integer> releaseAll() {
		Set<Integer> released = Set.copyOf(this.held.keySet());
		for (int shard : released) {
			Long epoch = this.held.remove(shard);
			try {
				this.mongo.updateFirst(mine(shard, epoch),
						new Update().set("owner", null).set("expiresAt", Date.from(Instant.EPOCH)), LEASES);
			}
			catch (RuntimeException ex) {
				log.warn("Could not give up timer shard {}; it expires by itself: {}", shard, ex.getMessage());
			}
		}
		try {
			this.mongo.remove(Query.query(Criteria.where("_id").is(this.instanceId)), INSTANCES);
		}
		catch (RuntimeException ex) {
			log.debug("Could not remove the heartbeat of {}: {}", this.instanceId, ex.getMessage());
		}
		return released;
	}

	private Query mine(int shard, long epoch) {
		return Query.query(Criteria.where("_id").is(shard).and("owner").is(this.instanceId).and("epoch").is(epoch));
	}

	/**
	 * The shards this instance should hold: an even split among the live instances, the
	 * first {@code shards mod live} of them (by id) taking one more.
	 */
	private int fairShare(Instant now) {
		List<String> live = new ArrayList<>(
				this.mongo.find(Query.query(Criteria.where("expiresAt").gt(Date.from(now))), Document.class, INSTANCES)
					.stream()
					.map((instance) -> instance.getString("_id"))
					.sorted()
					.toList());
		if (!live.contains(this.instanceId)) {
			live.add(this.instanceId);
			live.sort(null);
		}
		int count = this.shards.count();
		int rank = live.indexOf(this.instanceId);
		return count / live.size() + ((rank < count % live.size()) ? 1 : 0);
	}

	private static String hostName() {
		return Optional.ofNullable(System.getenv("HOSTNAME")).filter((name) -> !name.isBlank()).orElseGet(() -> {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				return "sla-" + ProcessHandle.current().pid();
			}
		});
	}

	/** What a round changed. */
	public record Changes(Map<Integer, Long> gained, Set<Integer> lost) {

	}

}
