package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

/**
 * What intake knows of a contact's charter clocks, projected from sla-service's events so
 * staff can search by deadline and breach without asking sla-service. {@code dueAt} is
 * the earliest deadline of a counting clock and {@code breached} whether any counting
 * clock is breached. A clock counts unless it is met, cancelled or paused: a paused clock
 * waits for the customer, so neither its deadline nor its breach is the staff's to chase
 * until it resumes (with the moved deadline). Met and cancelled clocks are kept (closed),
 * and each clock remembers the ids of the events applied to it, so a redelivered event
 * changes nothing.
 *
 * @param revision counts applied changes; a store writes conditionally on it
 */
public record SlaProjection(Instant dueAt, boolean breached, Instant updatedAt, long revision, List<Clock> clocks) {

	private static final String COMPLAINT_STANDARDS = "COMPLAINT_";

	/** A contact no clock event has reached yet. */
	public static final SlaProjection NONE = new SlaProjection(null, false, null, 0, List.of());

	public SlaProjection {
		clocks = (clocks != null) ? List.copyOf(clocks) : List.of();
	}

	/**
	 * One clock as the events told it.
	 *
	 * @param paused waiting for the customer: kept, but not counting
	 * @param cancelled stopped for good without being met or breached: closed, like met
	 * @param appliedEventIds the events already applied to this clock
	 */
	public record Clock(String clockId, Instant dueAt, boolean breached, boolean met, Boolean paused, Boolean cancelled,
			List<String> appliedEventIds) {

		public Clock {
			Objects.requireNonNull(clockId, "clockId");
			// projections stored before clocks could pause or be cancelled have neither
			paused = Boolean.TRUE.equals(paused);
			cancelled = Boolean.TRUE.equals(cancelled);
			appliedEventIds = (appliedEventIds != null) ? List.copyOf(appliedEventIds) : List.of();
		}

		boolean closed() {
			return this.met || this.cancelled;
		}

		boolean counting() {
			return !closed() && !this.paused;
		}

		private Clock after(CharterEvent event, Instant dueAt, boolean breached) {
			return after(event, dueAt, breached, this.paused);
		}

		private Clock after(CharterEvent event, Instant dueAt, boolean breached, boolean paused) {
			return after(event, dueAt, breached, paused, false, false);
		}

		private Clock after(CharterEvent event, Instant dueAt, boolean breached, boolean paused, boolean met,
				boolean cancelled) {
			List<String> applied = new ArrayList<>(this.appliedEventIds);
			applied.add(event.eventId());
			return new Clock(this.clockId, dueAt, breached, met, paused, cancelled, applied);
		}

	}

	/**
	 * Whether the event is one this projection follows: a clock event about a contact.
	 * The daily answerphone check's clock is about no contact (its events carry the
	 * synthetic key {@value AnswerphoneChecked#KEY}), and the clocks of COMPLAINT_*
	 * standards are about complaints, which complaints-service follows.
	 */
	public static boolean follows(CharterEvent event) {
		boolean clockEvent = event instanceof ClockStarted || event instanceof DeadlineChanged
				|| event instanceof Breached || event instanceof Met || event instanceof ClockPaused
				|| event instanceof ClockResumed || event instanceof ClockCancelled;
		return clockEvent && !AnswerphoneChecked.KEY.equals(event.contactId())
				&& !standard(event).startsWith(COMPLAINT_STANDARDS);
	}

	/**
	 * The projection after an event, or this same instance when the event changes nothing
	 * (a duplicate, an event about a met or cancelled clock, or one this projection does
	 * not follow).
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
		if (current != null && (current.appliedEventIds().contains(event.eventId()) || current.closed())) {
			return this;
		}
		Clock known = (current != null) ? current : new Clock(clockId, null, false, false, false, false, List.of());
		Clock changed = switch (event) {
			// a second start of a clock already known is a redelivery under a new id:
			// keep what we know
			case ClockStarted started -> (current != null) ? known.after(started, known.dueAt(), known.breached())
					: known.after(started, started.dueAt(), false);
			case DeadlineChanged changedDeadline ->
				known.after(changedDeadline, changedDeadline.dueAt(), known.breached());
			case Breached breach -> known.after(breach, orElse(known.dueAt(), breach.dueAt()), true);
			case ClockPaused paused ->
				known.after(paused, orElse(known.dueAt(), paused.dueAt()), known.breached(), true);
			// resuming carries the deadline moved by the time spent paused
			case ClockResumed resumed -> known.after(resumed, resumed.dueAt(), known.breached(), false);
			case Met met ->
				known.after(met, orElse(known.dueAt(), met.dueAt()), known.breached(), known.paused(), true, false);
			case ClockCancelled cancelled -> known.after(cancelled, orElse(known.dueAt(), cancelled.dueAt()),
					known.breached(), known.paused(), false, true);
			default -> throw new IllegalStateException("Not followed: " + event.type());
		};
		List<Clock> clocks = new ArrayList<>(this.clocks);
		if (current != null) {
			clocks.set(clocks.indexOf(current), changed);
		}
		else {
			clocks.add(changed);
		}
		Instant earliestCountingDeadline = clocks.stream()
			.filter(Clock::counting)
			.map(Clock::dueAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		boolean anyCountingBreached = clocks.stream().anyMatch((clock) -> clock.counting() && clock.breached());
		return new SlaProjection(earliestCountingDeadline, anyCountingBreached, at, this.revision + 1, clocks);
	}

	private static Instant orElse(Instant known, Instant fromEvent) {
		return (known != null) ? known : fromEvent;
	}

	private static String standard(CharterEvent event) {
		return switch (event) {
			case ClockStarted started -> started.standard();
			case DeadlineChanged changed -> changed.standard();
			case Breached breach -> breach.standard();
			case Met met -> met.standard();
			case ClockPaused paused -> paused.standard();
			case ClockResumed resumed -> resumed.standard();
			case ClockCancelled cancelled -> cancelled.standard();
			default -> throw new IllegalArgumentException("Not a clock event: " + event.type());
		};
	}

	private static String clockId(CharterEvent event) {
		return switch (event) {
			case ClockStarted started -> started.clockId();
			case DeadlineChanged changed -> changed.clockId();
			case Breached breach -> breach.clockId();
			case Met met -> met.clockId();
			case ClockPaused paused -> paused.clockId();
			case ClockResumed resumed -> resumed.clockId();
			case ClockCancelled cancelled -> cancelled.clockId();
			default -> throw new IllegalArgumentException("Not a clock event: " + event.type());
		};
	}

}
