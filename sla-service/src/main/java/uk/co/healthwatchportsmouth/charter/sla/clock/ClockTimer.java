package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.util.Objects;

/** A timer of a particular clock, as the scheduler queues it. */
public record ClockTimer(String clockId, Timer timer) {

	public ClockTimer {
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(timer, "timer");
	}

}
