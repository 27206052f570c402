package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.time.Instant;

import uk.co.healthwatchportsmouth.charter.sla.clock.ClockState;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;

/**
 * What the compliance report needs to know about one clock.
 *
 * @param respondedAt when the customer was answered, null while unanswered
 * @param firstResponse whether it is a contact's first-response clock
 * @param resolvedAtFirstContact whether it was met by a resolution at first contact
 */
public record ClockOutcome(String standard, ClockState state, Instant startedAt, Instant dueAt, Instant respondedAt,
		boolean firstResponse, boolean resolvedAtFirstContact) {

	public static ClockOutcome of(DeadlineClock clock) {
		return new ClockOutcome(clock.standard(), clock.state(), clock.startedAt(), clock.dueAt(),
				clock.respondedAt().orElse(null), clock.isFirstResponse(), clock.resolvedAtFirstContact());
	}

}
