package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state, pending timer and deadline a change was worked out from. Every transition
 * changes one of them, so a write conditional on them applies only if nobody changed the
 * clock in between: that is what stops a timer firing twice, firing after the clock was
 * met, or a recomputed deadline overwriting a concurrent change.
 *
 * @param pendingTimer the pending timer, or {@code null} when there is none
 * @param assigneeId the assignee, or {@code null}: a reassignment changes only this
 */
public record ClockVersion(ClockState state, Timer pendingTimer, Instant dueAt, String assigneeId) {

	public ClockVersion {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(dueAt, "dueAt");
	}

	public static ClockVersion of(DeadlineClock clock) {
		return new ClockVersion(clock.state(), clock.pendingTimer().orElse(null), clock.dueAt(), clock.assigneeId());
	}

	public Optional<Timer> timer() {
		return Optional.ofNullable(this.pendingTimer);
	}

}
