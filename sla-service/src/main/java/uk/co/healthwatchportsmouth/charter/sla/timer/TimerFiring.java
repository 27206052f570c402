package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.sla.calendar.CalendarSource;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockVersion;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardLeases;

/**
 * Fires one queued timer against the stored clock. The transition and its event are
 * written in one conditional update that holds only while the clock still has exactly
 * that timer pending, so a timer fires at most once in effect however often it is queued,
 * by however many threads, and across restarts. It fires only under a current lease on
 * the clock's shard, and the write carries that lease's epoch as a fencing token, so an
 * instance whose lease was taken over cannot apply a firing.
 */
@Component
public class TimerFiring {

	private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);

	private final ClockStore store;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Supplier<WorkingCalendar> calendar;

	private final ShardLeases leases;

	public TimerFiring(ClockStore store, Clock clock, MeterRegistry meters, CalendarSource calendar,
			ShardLeases leases) {
		this.store = store;
		this.clock = clock;
		this.meters = meters;
		this.calendar = calendar;
		this.leases = leases;
	}

	/**
	 * Fires the timer if the clock still has it pending and it is due.
	 * @return the timer to queue next: the clock's following timer after a firing, the
	 * same timer if it is not yet due, or empty when there is nothing more to do here
	 */
	public Optional<ClockTimer> fire(ClockTimer due) {
		Optional<DeadlineClock> stored = this.store.find(due.clockId());
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		DeadlineClock deadlineClock = stored.get();
		ClockVersion before = ClockVersion.of(deadlineClock);
		if (!before.timer().filter(due.timer()::equals).isPresent()) {
			// fired already, met, or moved: whoever changed it queued what follows
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (!due.timer().isDueAt(now)) {
			return Optional.of(due);
		}
		int shard = this.leases.shardOf(due.clockId());
		OptionalLong epoch = this.leases.currentEpoch(shard);
		if (epoch.isEmpty()) {
			if (!this.leases.holds(shard)) {
				// another instance owns the shard and has the timer from the store
				return Optional.empty();
			}
			throw new IllegalStateException("the lease of timer shard " + shard + " is not renewed yet");
		}
		CharterEvent event = deadlineClock.fire(due.timer(), now, this.calendar.get());
		if (!this.store.updateFenced(before, deadlineClock, List.of(event), epoch.getAsLong())) {
			log.debug("Clock {} changed while its {} timer fired; left to the other change", due.clockId(),
					due.timer().kind());
			return Optional.empty();
		}
		String kind = due.timer().kind().name();
		this.meters.counter("sla.timers.fired", "kind", kind).increment();
		this.meters.timer("sla.timers.lateness", "kind", kind).record(Duration.between(due.timer().at(), now));
		log.info("Clock {} (contact {}): {} fired, {} after it was due", deadlineClock.id(), deadlineClock.contactId(),
				kind, Duration.between(due.timer().at(), now));
		return deadlineClock.pendingTimer().map((next) -> new ClockTimer(deadlineClock.id(), next));
	}

}
