package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.sla.SlaProperties;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardLeases;
import uk.co.healthwatchportsmouth.charter.sla.lease.TimerHandoff;

/**
 * Fires clock timers when they fall due. MongoDB is the source of truth: when this
 * instance takes a timer shard's lease (all shards at start-up when it runs alone), the
 * pending timer of every open clock in the shard is loaded into an in-memory queue
 * (overdue ones come first, in deadline order, and fire at once), and new clocks are
 * added as they start, here or, for another instance's shard, by handing them over.
 *
 * <p>
 * A few threads ({@code charter.sla.timers.firing-threads}) fire timers, only once the
 * injected clock has reached them, each taking the timers due at that moment (up to a
 * batch) off the queue, so that one batch is read while another is written. A timer that
 * two threads both hold (a stale copy) still fires once: the store applies a firing only
 * to the clock as it was read. A thread sleeps until the next timer is due but never
 * longer than {@code charter.sla.timers.max-sleep}, so that a clock moved forward (the
 * virtual clock of the local stack and of tests) is noticed promptly.
 */
@Component
public class TimerScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

	private final TimerQueue queue = new TimerQueue();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition queueChanged = this.lock.newCondition();

	private final AtomicLong queued = new AtomicLong();

	private final TimerFiring firing;

	private final Clock clock;

	private final SlaProperties.Timers settings;

	private final ShardLeases leases;

	private final TimerHandoff handoff;

	private volatile boolean running;

	private List<Thread> workers = List.of();

	public TimerScheduler(TimerFiring firing, Clock clock, SlaProperties properties, MeterRegistry meters,
			ShardLeases leases, TimerHandoff handoff) {
		this.firing = firing;
		this.clock = clock;
		this.settings = properties.timers();
		this.leases = leases;
		this.handoff = handoff;
		Gauge.builder("sla.timers.backlog", this, TimerScheduler::backlog)
			.description("Timers in this instance's queue that are due but not yet fired")
			.register(meters);
		Gauge.builder("sla.timers.queued", this.queued, AtomicLong::get)
			.description("Timers waiting in memory, stale ones included")
			.register(meters);
	}

	/**
	 * Queues a timer whose clock is already stored, here if this instance holds the
	 * timer's shard, otherwise by handing it to the shard's owner. Safe to call before
	 * start-up and more than once for one timer.
	 */
	public void schedule(ClockTimer timer) {
		int shard = this.leases.shardOf(timer.clockId());
		// only under a current lease: one that has lapsed may have been taken over after
		// the new owner loaded the shard, and the timer would then be lost in this queue
		if (this.leases.currentEpoch(shard).isPresent()) {
			enqueue(timer);
		}
		else {
			this.handoff.offer(timer, shard);
		}
	}

	/** Queues a timer of a shard this instance holds. */
	void enqueue(ClockTimer timer) {
		enqueueAll(List.of(timer));
	}

	/** Queues those of the timers that are not queued already. */
	int enqueueMissing(List<ClockTimer> timers) {
		this.lock.lock();
		try {
			Set<ClockTimer> queuedNow = this.queue.snapshot();
			int added = 0;
			for (ClockTimer timer : timers) {
				if (!queuedNow.contains(timer)) {
					this.queue.add(timer);
					added++;
				}
			}
			this.queued.set(this.queue.size());
			this.queueChanged.signal();
			return added;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Forgets the timers of shards this instance no longer holds. */
	void dropShards(Set<Integer> shards) {
		this.lock.lock();
		try {
			this.queue.removeIf((entry) -> shards.contains(this.leases.shardOf(entry.clockId())));
			this.queued.set(this.queue.size());
		}
		finally {
			this.lock.unlock();
		}
	}

	long backlog() {
		this.lock.lock();
		try {
			return this.queue.countDueAt(this.clock.instant());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Starts firing. The pending timers come from the store shard by shard, as
	 * {@link TimerShardCoordinator} takes each shard's lease.
	 */
	@Override
	public void start() {
		this.running = true;
		this.workers = IntStream.range(0, this.settings.firingThreads())
			.mapToObj((n) -> Thread.ofPlatform().name("sla-timers-" + n).daemon().start(this::fireWhileRunning))
			.toList();
	}

	@Override
	public void stop() {
		this.running = false;
		this.workers.forEach(Thread::interrupt);
		try {
			for (Thread worker : this.workers) {
				worker.join(TimeUnit.SECONDS.toMillis(5));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void fireWhileRunning() {
		while (this.running) {
			try {
				List<ClockTimer> due = awaitDue();
				if (!due.isEmpty()) {
					fire(due);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The timers due now, earliest first, at most a batch of them; empty after waiting at
	 * most the maximum sleep for one to fall due.
	 */
	private List<ClockTimer> awaitDue() throws InterruptedException {
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			List<ClockTimer> due = this.queue.pollDue(now, this.settings.batchSize());
			if (!due.isEmpty()) {
				this.queued.set(this.queue.size());
				return due;
			}
			Duration sleep = this.queue.nextDueAt()
				.map((next) -> Duration.between(now, next))
				.filter((untilNext) -> untilNext.compareTo(this.settings.maxSleep()) < 0)
				.orElse(this.settings.maxSleep());
			this.queueChanged.awaitNanos(Math.max(1, sleep.toNanos()));
			return List.of();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void fire(List<ClockTimer> due) throws InterruptedException {
		TimerFiring.Outcome outcome;
		try {
			outcome = this.firing.fireAll(due);
		}
		catch (RuntimeException ex) {
			// the store is unreachable or failing: keep the timers and back off rather
			// than spin
			log.warn("Could not fire {} timer(s), the first of clock {}; retrying in {}: {}", due.size(),
					due.get(0).clockId(), this.settings.retryDelay(), ex.getMessage());
			enqueueAll(due);
			Thread.sleep(this.settings.retryDelay());
			return;
		}
		outcome.next().forEach(this::schedule);
		if (!outcome.retry().isEmpty()) {
			log.warn("{} timer(s) wait for their shard's lease to be renewed; retrying in {}", outcome.retry().size(),
					this.settings.retryDelay());
			enqueueAll(outcome.retry());
			Thread.sleep(this.settings.retryDelay());
		}
	}

	private void enqueueAll(List<ClockTimer> timers) {
		this.lock.lock();
		try {
			timers.forEach(this.queue::add);
			this.queued.set(this.queue.size());
			this.queueChanged.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

}
