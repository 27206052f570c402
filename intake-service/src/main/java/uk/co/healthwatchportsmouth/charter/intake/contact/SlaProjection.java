package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

/**
 * What intake knows of a contact's charter clocks, projected from sla-service's events so
 * staff can search by deadline and breach without asking sla-service. {@code dueAt} is
 * the earliest deadline of a clock not yet met and {@code breached} whether any such
 * clock is breached. Met clocks are kept (closed), and each clock remembers the ids of
 * the events applied to it, so a redelivered event changes nothing.
 *
 * @param revision counts applied changes; a store writes conditionally on it
 */
public record SlaProjection(Instant dueAt, boolean breached, Instant updatedAt, long revision, List<Clock> clocks) {

	/** A contact no clock event has reached yet. */
	public static final SlaProjection NONE = new SlaProjection(null, false, null, 0, List.of());

	public SlaProjection {
		clocks = (clocks != null) ? List.copyOf(clocks) : List.of();
	}

	/**
	 * One clock as the events told it.
	 *
	 * @param appliedEventIds the events already applied to this clock
	 */
	public record Clock(String clockId, Instant dueAt, boolean breached, boolean met, List<String> appliedEventIds) {

		public Clock {
			Objects.requireNonNull(clockId, "clockId");
			appliedEventIds = (appliedEventIds != null) ? List.copyOf(appliedEventIds) : List.of();
		}

		boolean open() {
			return !this.met;
		}

		private Clock after(String eventId, Instant dueAt, boolean breached, boolean met) {
			List<String> applied = new ArrayList<>(this.appliedEventIds);
			applied.add(eventId);
			return new Clock(this.clockId, dueAt, breached, met, applied);
		}

	}

	/** Whether the event is one this projection follows. */
	public static boolean follows(CharterEvent event) {
		return event instanceof ClockStarted || event instanceof DeadlineChanged || event instanceof Breached
				|| event instanceof Met;
	}

	/**
	 * The projection after an event, or this same instance when the event changes nothing
	 * (a duplicate, an event about a met clock, or one this projection does not follow).
	 * @param at when the event is applied, recorded as {@code updatedAt}
	 */
	public SlaProjection apply(CharterEvent event, Instant at) {
		if (!follows(event)) {
			return this;
		}
		String clockId = clockId(event);
		Clock current = this.clocks.stream()
			.filter((clock) -> clock.clockId().equals(clockId))
			.findFirst()
			.orElse(null);
		if (current != null && (current.appliedEventIds().contains(event.eventId()) || current.met())) {
			return this;
		}
		Clock known = (current != null) ? current : new Clock(clockId, null, false, false, List.of());
		Clock changed = switch (event) {
			// a second start of a clock already known is a redelivery under a new id:
			// keep what we know
			case ClockStarted started ->
				(current != null) ? known.after(started.eventId(), known.dueAt(), known.breached(), false)
						: known.after(started.eventId(), started.dueAt(), false, false);
			case DeadlineChanged changedDeadline ->
				known.after(changedDeadline.eventId(), changedDeadline.dueAt(), known.breached(), false);
			case Breached breach ->
				known.after(breach.eventId(), (known.dueAt() != null) ? known.dueAt() : breach.dueAt(), true, false);
			case Met met -> known.after(met.eventId(), (known.dueAt() != null) ? known.dueAt() : met.dueAt(),
					known.breached(), true);
			default -> throw new IllegalStateException("Not followed: " + event.type());
		};
		List<Clock> clocks = new ArrayList<>(this.clocks);
		if (current != null) {
			clocks.set(clocks.indexOf(current), changed);
		}
		else {
			clocks.add(changed);
		}
		Instant earliestOpenDeadline = clocks.stream()
			.filter(Clock::open)
			.map(Clock::dueAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		boolean anyOpenBreached = clocks.stream().anyMatch((clock) -> clock.open() && clock.breached());
		return new SlaProjection(earliestOpenDeadline, anyOpenBreached, at, this.revision + 1, clocks);
	}

	private static String clockId(CharterEvent event) {
		return switch (event) {
			case ClockStarted started -> started.clockId();
			case DeadlineChanged changed -> changed.clockId();
			case Breached breach -> breach.clockId();
			case Met met -> met.clockId();
			default -> throw new IllegalArgumentException("Not a clock event: " + event.type());
		};
	}

}
