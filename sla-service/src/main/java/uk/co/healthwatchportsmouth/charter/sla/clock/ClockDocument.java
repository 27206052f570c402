package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * A clock as stored: its state, its next timer (kind and instant, absent once it has
 * none) and the events its last changes caused that are not yet published.
 */
@Document(ClockStore.COLLECTION)
record ClockDocument(@Id String id, String contactId, String standard, String assigneeId, ClockState state,
		Instant startedAt, Instant dueAt, Instant reminderAt, Instant reminderSentAt, Instant breachedAt,
		Instant respondedAt, TimerKind nextTimerKind, Instant nextTimerAt, List<PendingEvent> outbox) {

	static final String STATE = "state";

	static final String CONTACT_ID = "contactId";

	static final String NEXT_TIMER_KIND = "nextTimerKind";

	static final String NEXT_TIMER_AT = "nextTimerAt";

	static ClockDocument of(DeadlineClock clock, List<PendingEvent> outbox) {
		Timer next = clock.pendingTimer().orElse(null);
		return new ClockDocument(clock.id(), clock.contactId(), clock.standard(), clock.assigneeId(), clock.state(),
				clock.startedAt(), clock.dueAt(), clock.reminderAt().orElse(null), clock.reminderSentAt().orElse(null),
				clock.breachedAt().orElse(null), clock.respondedAt().orElse(null), (next != null) ? next.kind() : null,
				(next != null) ? next.at() : null, outbox);
	}

	DeadlineClock toClock() {
		return DeadlineClock.restore(this.id, this.contactId, this.standard, this.assigneeId, this.startedAt,
				this.dueAt, this.reminderAt, this.state, this.reminderSentAt, this.breachedAt, this.respondedAt);
	}

}
