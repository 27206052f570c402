package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;

/** A clock as the HTTP API shows it; instants in UTC, absent facts as null. */
public record ClockView(String id, String contactId, String standard, ClockState state, String assigneeId,
		Instant startedAt, Instant dueAt, Instant reminderAt, Instant reminderSentAt, Instant breachedAt,
		Instant respondedAt) {

	static ClockView of(DeadlineClock clock) {
		return new ClockView(clock.id(), clock.contactId(), clock.standard(), clock.state(), clock.assigneeId(),
				clock.startedAt(), clock.dueAt(), clock.reminderAt().orElse(null), clock.reminderSentAt().orElse(null),
				clock.breachedAt().orElse(null), clock.respondedAt().orElse(null));
	}

}
