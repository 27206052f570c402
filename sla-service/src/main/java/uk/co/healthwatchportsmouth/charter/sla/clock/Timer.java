package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.Objects;

/** A clock's next timer: what fires, and the instant it becomes due. */
public record Timer(TimerKind kind, Instant at) {

	public Timer {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
	}

	public boolean isDueAt(Instant now) {
		return !now.isBefore(this.at);
	}

}
