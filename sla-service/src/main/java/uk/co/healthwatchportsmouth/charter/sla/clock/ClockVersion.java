package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.util.Objects;
import java.util.Optional;

/**
 * The state and pending timer a change was worked out from. Every transition changes one
 * or the other, so a write conditional on them applies only if nobody changed the clock
 * in between: that is what stops a timer firing twice, or firing after the clock was met.
 *
 * @param pendingTimer the pending timer, or {@code null} when there is none
 */
public record ClockVersion(ClockState state, Timer pendingTimer) {

	public ClockVersion {
		Objects.requireNonNull(state, "state");
	}

	public static ClockVersion of(DeadlineClock clock) {
		return new ClockVersion(clock.state(), clock.pendingTimer().orElse(null));
	}

	public Optional<Timer> timer() {
		return Optional.ofNullable(this.pendingTimer);
	}

}
