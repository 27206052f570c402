package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.sla.SlaProperties;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;

/**
 * Fires clock timers when they fall due. MongoDB is the source of truth: at start-up the
 * pending timer of every open clock is loaded into an in-memory queue (overdue ones come
 * first, in deadline order, and fire at once), and new clocks are added as they start.
 *
 * <p>
 * One thread fires timers, only once the injected clock has reached them. It sleeps until
 * the next timer is due but never longer than {@code charter.sla.timers.max-sleep}, so
 * that a clock moved forward (the virtual clock of the local stack and of tests) is
 * noticed promptly.
 */
@Component
public class TimerScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

	private final TimerQueue queue = new TimerQueue();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition queueChanged = this.lock.newCondition();

	private final AtomicLong queued = new AtomicLong();

	private final ClockStore store;

	private final TimerFiring firing;

	private final Clock clock;

	private final SlaProperties.Timers settings;

	private volatile boolean running;

	private Thread worker;

	public TimerScheduler(ClockStore store, TimerFiring firing, Clock clock, SlaProperties properties,
			MeterRegistry meters) {
		this.store = store;
		this.firing = firing;
		this.clock = clock;
		this.settings = properties.timers();
		Gauge.builder("sla.timers.queued", this.queued, AtomicLong::get)
			.description("Timers waiting in memory, stale ones included")
			.register(meters);
	}

	/** Queues a timer; safe to call before start-up and more than once for one timer. */
	public void schedule(ClockTimer timer) {
		this.lock.lock();
		try {
			this.queue.add(timer);
			this.queued.set(this.queue.size());
			this.queueChanged.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		AtomicLong loaded = new AtomicLong();
		try (Stream<ClockTimer> pending = this.store.pendingTimers()) {
			pending.forEach((timer) -> {
				schedule(timer);
				loaded.incrementAndGet();
			});
		}
		log.info("Loaded {} pending timer(s) from the store", loaded.get());
		this.running = true;
		this.worker = Thread.ofPlatform().name("sla-timers").daemon().start(this::fireWhileRunning);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void fireWhileRunning() {
		while (this.running) {
			try {
				Optional<ClockTimer> due = awaitDue();
				if (due.isPresent()) {
					fire(due.get());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The next timer once it is due, or empty after waiting at most the maximum sleep.
	 */
	private Optional<ClockTimer> awaitDue() throws InterruptedException {
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			Optional<ClockTimer> due = this.queue.pollDue(now);
			if (due.isPresent()) {
				this.queued.set(this.queue.size());
				return due;
			}
			Duration sleep = this.queue.nextDueAt()
				.map((next) -> Duration.between(now, next))
				.filter((untilNext) -> untilNext.compareTo(this.settings.maxSleep()) < 0)
				.orElse(this.settings.maxSleep());
			this.queueChanged.awaitNanos(Math.max(1, sleep.toNanos()));
			return Optional.empty();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void fire(ClockTimer due) throws InterruptedException {
		try {
			this.firing.fire(due).ifPresent(this::schedule);
		}
		catch (RuntimeException ex) {
			// the store is unreachable or failing: keep the timer and back off rather
			// than spin
			log.warn("Could not fire {} timer of clock {}; retrying in {}: {}", due.timer().kind(), due.clockId(),
					this.settings.retryDelay(), ex.getMessage());
			schedule(due);
			Thread.sleep(this.settings.retryDelay());
		}
	}

}
