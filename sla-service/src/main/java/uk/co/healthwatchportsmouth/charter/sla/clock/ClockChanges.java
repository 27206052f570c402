package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerScheduler;

/**
 * Starts clocks and applies transitions to stored clocks, storing each change with the
 * events it caused and scheduling the clock's next timer; used by the handlers of contact
 * and complaint events alike. A transition is worked out on the stored clock and written
 * only if nobody (a firing timer) changed it meanwhile, otherwise worked out again; a
 * clock already started or not in the state a transition expects is left as it is, which
 * makes every redelivered event harmless.
 */
@Component
public class ClockChanges {

	private static final Logger log = LoggerFactory.getLogger(ClockChanges.class);

	/**
	 * Tries before giving a change up to the binder's retries: a timer may keep firing.
	 */
	private static final int ATTEMPTS = 3;

	private final ClockStore store;

	private final TimerScheduler scheduler;

	public ClockChanges(ClockStore store, TimerScheduler scheduler) {
		this.store = store;
		this.scheduler = scheduler;
	}

	/**
	 * Stores a newly started clock and schedules its first timer.
	 * @return false when the clock existed already (nothing changes)
	 */
	public boolean start(DeadlineClock.Started started) {
		return !startAll(List.of(started)).isEmpty();
	}

	/**
	 * Stores newly started clocks with one write and schedules their first timers.
	 * @return the clocks started, in the order given; those that existed already are left
	 * out (nothing changes for them)
	 */
	public List<DeadlineClock> startAll(List<DeadlineClock.Started> started) {
		Set<String> stored = new HashSet<>(this.store.insertAll(started));
		List<DeadlineClock> clocks = new ArrayList<>(stored.size());
		List<String> existing = new ArrayList<>();
		for (DeadlineClock.Started each : started) {
			if (stored.remove(each.clock().id())) {
				schedulePending(each.clock());
				clocks.add(each.clock());
			}
			else {
				existing.add(each.clock().id());
			}
		}
		if (!existing.isEmpty()) {
			// one may have been stored by an attempt that failed before its timer was
			// scheduled; a timer queued twice fires once (the second finds it done)
			this.store.findAll(existing).values().forEach(this::schedulePending);
		}
		return clocks;
	}

	public Optional<DeadlineClock> find(String clockId) {
		return this.store.find(clockId);
	}

	/** Applies a transition to every clock of a contact (or complaint). */
	public void forEachClockOf(String contactId, String eventId,
			Function<DeadlineClock, List<CharterEvent>> transition) {
		List<String> ids = this.store.findByContact(contactId).stream().map(DeadlineClock::id).toList();
		if (ids.isEmpty()) {
			log.info("No clock for {}; event {} has nothing to change", contactId, eventId);
		}
		ids.forEach((clockId) -> change(clockId, eventId, transition));
	}

	/**
	 * Applies a transition to the stored clock and stores the result with the events it
	 * caused, retrying when a timer changed the clock meanwhile.
	 * @param transition the events caused, or {@code null} when the clock is not changed
	 */
	public void change(String clockId, String eventId, Function<DeadlineClock, List<CharterEvent>> transition) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<DeadlineClock> stored = this.store.find(clockId);
			if (stored.isEmpty()) {
				log.info("No clock {}; event {} has nothing to change", clockId, eventId);
				return;
			}
			DeadlineClock deadlineClock = stored.get();
			ClockVersion before = ClockVersion.of(deadlineClock);
			DeadlineClock.Snapshot unchanged = deadlineClock.snapshot();
			List<CharterEvent> caused = transition.apply(deadlineClock);
			if (caused == null || deadlineClock.snapshot().equals(unchanged)) {
				return;
			}
			if (this.store.update(before, deadlineClock, caused)) {
				schedulePending(deadlineClock);
				log.info("Clock {} for {} is {} (event {})", clockId, deadlineClock.contactId(), deadlineClock.state(),
						eventId);
				return;
			}
		}
		throw new ConcurrentModificationException(
				"Clock " + clockId + " kept changing while event " + eventId + " was applied");
	}

	private void schedulePending(DeadlineClock deadlineClock) {
		deadlineClock.pendingTimer()
			.ifPresent((timer) -> this.scheduler.schedule(new ClockTimer(deadlineClock.id(), timer)));
	}

}
