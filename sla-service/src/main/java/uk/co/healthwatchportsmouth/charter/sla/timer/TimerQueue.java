package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;

/**
 * Timers in the order they fall due (ties broken by clock id, so the order is
 * repeatable). Not thread-safe: the scheduler guards it. Entries may be stale (the clock
 * was met, or the timer already fired); whoever fires one checks it against the stored
 * clock, so a stale entry costs one read and nothing else.
 */
final class TimerQueue {

	private static final Comparator<ClockTimer> DUE_ORDER = Comparator
		.comparing((ClockTimer entry) -> entry.timer().at())
		.thenComparing(ClockTimer::clockId)
		.thenComparing((ClockTimer entry) -> entry.timer().kind());

	private final PriorityQueue<ClockTimer> entries = new PriorityQueue<>(DUE_ORDER);

	void add(ClockTimer entry) {
		this.entries.add(entry);
	}

	/**
	 * The earliest timers due at {@code now}, at most {@code limit} of them, in the order
	 * they fell due; never one that is not yet due.
	 */
	List<ClockTimer> pollDue(Instant now, int limit) {
		List<ClockTimer> due = new ArrayList<>();
		while (due.size() < limit) {
			ClockTimer head = this.entries.peek();
			if (head == null || !head.timer().isDueAt(now)) {
				break;
			}
			due.add(this.entries.poll());
		}
		return due;
	}

	Optional<Instant> nextDueAt() {
		return Optional.ofNullable(this.entries.peek()).map((entry) -> entry.timer().at());
	}

	/** A copy of the entries, to tell which of many timers are already queued. */
	Set<ClockTimer> snapshot() {
		return new HashSet<>(this.entries);
	}

	void removeIf(Predicate<ClockTimer> condition) {
		this.entries.removeIf(condition);
	}

	/** How many entries are due at {@code now}; a scan, for the backlog gauge only. */
	long countDueAt(Instant now) {
		return this.entries.stream().filter((entry) -> entry.timer().isDueAt(now)).count();
	}

	int size() {
		return this.entries.size();
	}

}
