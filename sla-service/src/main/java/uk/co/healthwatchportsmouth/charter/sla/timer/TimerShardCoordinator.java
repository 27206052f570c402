package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardLeases;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardingProperties;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerHandoff;

/**
 * Keeps this instance's share of the timer shards and its queue in step. Every
 * {@code renew-interval} it renews its leases and rebalances; for a shard it gains it
 * fences the shard's clocks with the new epoch and loads their pending timers from the
 * store (one read per gain, none per tick); for a shard it loses it drops their timers.
 * Every {@code handoff-poll-interval} it picks up the timers other instances scheduled
 * for its shards, and every {@code reconcile-interval} it checks its queue against the
 * store.
 */
@Component
public class TimerShardCoordinator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TimerShardCoordinator.class);

	private final ShardLeases leases;

	private final TimerHandoff handoff;

	private final TimerScheduler scheduler;

	private final ClockStore store;

	private final ShardingProperties settings;

	private final Clock wall = Clock.systemUTC();

	private final Set<String> handoffsSeen = new HashSet<>();

	private Instant lastPoll = Instant.EPOCH;

	private volatile ScheduledExecutorService rounds;

	public TimerShardCoordinator(ShardLeases leases, TimerHandoff handoff, TimerScheduler scheduler, ClockStore store,
			ShardingProperties settings) {
		this.leases = leases;
		this.handoff = handoff;
		this.scheduler = scheduler;
		this.store = store;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.leases.prepare();
		this.handoff.createIndexes();
		// the first round runs before start-up completes, so an instance on its own has
		// every overdue timer queued as soon as it is up
		renewRound();
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sla-timer-leases").daemon().factory());
		long renew = this.settings.renewInterval().toMillis();
		long poll = this.settings.handoffPollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::renewRound, renew, renew, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::pollHandoffs, poll, poll, TimeUnit.MILLISECONDS);
		long reconcile = this.settings.reconcileInterval().toMillis();
		executor.scheduleWithFixedDelay(this::reconcile, reconcile, reconcile, TimeUnit.MILLISECONDS);
		this.rounds = executor;
	}

	@Override
	public void stop() {
		suspendRenewal();
		Set<Integer> released = this.leases.releaseAll();
		this.scheduler.dropShards(released);
		log.info("Gave up {} timer shard(s) on shutdown", released.size());
	}

	/**
	 * Stops renewing leases and picking up handoffs without giving anything up, as a hung
	 * instance would: the leases run out and other instances take the shards over.
	 */
	public void suspendRenewal() {
		ScheduledExecutorService executor = this.rounds;
		this.rounds = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.rounds != null;
	}

	/**
	 * Before {@code CalendarRecomputation}: the timers it reschedules at start-up then go
	 * straight into this instance's queue for the shards it holds, rather than being
	 * handed off one by one.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2;
	}

	synchronized void renewRound() {
		try {
			ShardLeases.Changes changes = this.leases.renew();
			if (!changes.lost().isEmpty()) {
				this.scheduler.dropShards(changes.lost());
			}
			if (!changes.gained().isEmpty()) {
				takeOver(changes.gained());
			}
			this.handoff.purgeOlderThan(this.wall.instant().minus(this.settings.handoffRetention()));
		}
		catch (RuntimeException ex) {
			log.warn("Timer lease round failed; retrying in {}: {}", this.settings.renewInterval(), ex.getMessage());
		}
	}

	private void takeOver(Map<Integer, Long> gained) {
		// fence first: a firing by the previous owner either landed before (and the load
		// sees its result) or fails
		this.store.fenceShards(gained);
		long loaded = this.store.takeOverShards(gained.keySet(), this.scheduler::enqueue);
		this.leases.loaded(gained.keySet());
		log.info("Loaded {} pending timer(s) of shard(s) {} from the store", loaded, new TreeSet<>(gained.keySet()));
	}

	/**
	 * Reloads the pending timers of the shards held and queues any that are missing: a
	 * clock stored by an instance that died before it could hand the timer over would
	 * otherwise wait for the shard's next change of owner.
	 */
	synchronized void reconcile() {
		Set<Integer> held = new HashSet<>();
		this.leases.heldShards()
			.stream()
			.filter((shard) -> this.leases.currentEpoch(shard).isPresent())
			.forEach(held::add);
		if (held.isEmpty()) {
			return;
		}
		try {
			List<ClockTimer> pending = new ArrayList<>();
			this.store.takeOverShards(held, pending::add);
			int added = this.scheduler.enqueueMissing(pending);
			if (added > 0) {
				log.warn("Reconciling timer shards with the store queued {} timer(s) that were missing", added);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not reconcile timer shards with the store; retrying later: {}", ex.getMessage());
		}
	}

	synchronized void pollHandoffs() {
		try {
			this.handoff.retryFailed();
		}
		catch (RuntimeException ex) {
			log.debug("Handoffs still cannot be written: {}", ex.getMessage());
		}
		Set<Integer> held = this.leases.heldShards();
		if (held.isEmpty()) {
			return;
		}
		Instant polling = this.wall.instant();
		try {
			// a generous overlap with the last poll: a handoff stamped by a clock a
			// little
			// behind, or written slowly, is still seen; the seen set drops the repeats
			Instant since = this.lastPoll.minus(this.settings.leaseTtl()).minus(this.settings.maxClockSkew());
			List<TimerHandoff.Handed> handed = this.handoff.since(held, since);
			Set<String> current = new HashSet<>();
			for (TimerHandoff.Handed timer : handed) {
				current.add(timer.id());
				if (this.handoffsSeen.add(timer.id())) {
					this.scheduler.enqueue(timer.timer());
				}
			}
			this.handoffsSeen.retainAll(current);
			this.lastPoll = polling;
		}
		catch (RuntimeException ex) {
			log.warn("Could not pick up handed-off timers; retrying: {}", ex.getMessage());
		}
	}

}
