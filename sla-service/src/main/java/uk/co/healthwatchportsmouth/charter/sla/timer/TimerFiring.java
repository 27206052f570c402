package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
import uk.co.healthwatchportsmouth.charter.sla.clock.Firing;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.lease.ShardLeases;

/**
 * Fires queued timers against the stored clocks. The transition and its event are written
 * in one conditional update that holds only while the clock still has exactly that timer
 * pending, so a timer fires at most once in effect however often it is queued, by however
 * many threads, and across restarts. It fires only under a current lease on the clock's
 * shard, and the write carries that lease's epoch as a fencing token, so an instance
 * whose lease was taken over cannot apply a firing.
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
	 * @throws IllegalStateException when this instance holds the timer's shard but its
	 * lease is not renewed yet
	 */
	public Optional<ClockTimer> fire(ClockTimer due) {
		Outcome outcome = fireAll(List.of(due));
		if (!outcome.retry().isEmpty()) {
			throw new IllegalStateException(
					"the lease of timer shard " + this.leases.shardOf(due.clockId()) + " is not renewed yet");
		}
		return outcome.next().stream().findFirst();
	}

	/**
	 * Fires those of the timers that their clocks still have pending and that are due,
	 * reading the clocks at once and storing every firing in one write.
	 */
	public Outcome fireAll(List<ClockTimer> timers) {
		Map<String, ClockStore.ReadToFire> stored = this.store
			.findToFire(timers.stream().map(ClockTimer::clockId).collect(Collectors.toSet()));
		Instant now = this.clock.instant();
		WorkingCalendar workingCalendar = this.calendar.get();
		List<ClockTimer> next = new ArrayList<>();
		List<ClockTimer> retry = new ArrayList<>();
		Set<String> firingIds = new HashSet<>();
		List<Firing> firings = new ArrayList<>();
		for (ClockTimer due : timers) {
			ClockStore.ReadToFire read = stored.get(due.clockId());
			if (read == null || firingIds.contains(due.clockId())) {
				// gone, or a second copy of a timer this batch fires already
				continue;
			}
			DeadlineClock deadlineClock = read.clock();
			DeadlineClock.Snapshot before = deadlineClock.snapshot();
			if (!ClockVersion.of(deadlineClock).timer().filter(due.timer()::equals).isPresent()) {
				// fired already, met, or moved: whoever changed it queued what follows
				continue;
			}
			if (!due.timer().isDueAt(now)) {
				next.add(due);
				continue;
			}
			int shard = this.leases.shardOf(due.clockId());
			OptionalLong epoch = this.leases.currentEpoch(shard);
			if (epoch.isEmpty()) {
				if (this.leases.holds(shard)) {
					retry.add(due);
				}
				// otherwise another instance owns the shard and has the timer from the
				// store
				continue;
			}
			CharterEvent event = deadlineClock.fire(due.timer(), now, workingCalendar);
			firings.add(new Firing(before, read.eventsUnpublished(), deadlineClock, event, epoch.getAsLong()));
			firingIds.add(due.clockId());
		}
		Set<String> applied = this.store.storeFirings(firings);
		for (Firing firing : firings) {
			DeadlineClock fired = firing.changed();
			Timer due = firing.basedOn().timer().orElseThrow();
			if (!applied.contains(fired.id())) {
				log.debug("Clock {} changed while its {} timer fired; left to the other change", fired.id(),
						due.kind());
				continue;
			}
			String kind = due.kind().name();
			Duration lateness = Duration.between(due.at(), now);
			this.meters.counter("sla.timers.fired", "kind", kind).increment();
			this.meters.timer("sla.timers.lateness", "kind", kind).record(lateness);
			log.info("Clock {} (contact {}): {} fired, {} after it was due", fired.id(), fired.contactId(), kind,
					lateness);
			fired.pendingTimer().ifPresent((following) -> next.add(new ClockTimer(fired.id(), following)));
		}
		return new Outcome(next, retry);
	}

	/**
	 * What a round of firing leaves to do.
	 *
	 * @param next the timers to queue: the following timer of each clock that fired, and
	 * those not yet due
	 * @param retry timers of shards this instance holds under a lease not yet renewed, to
	 * try again shortly
	 */
	public record Outcome(List<ClockTimer> next, List<ClockTimer> retry) {

	}

}
