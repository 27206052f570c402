package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * A clock as stored: its state, its next timer (kind and instant, absent once it has
 * none) and the events its last changes caused that are not yet published. Documents
 * written before clocks had several reminder points have only {@code reminderAt} and
 * {@code reminderSentAt}; they read back as one reminder point.
 */
@Document(ClockStore.COLLECTION)
record ClockDocument(@Id String id, String contactId, String standard, Integer standardVersion, String assigneeId,
		ClockState state, Instant startedAt, Instant dueAt, Instant reminderAt, List<Instant> reminderPoints,
		Integer remindersSent, Instant reminderSentAt, Instant breachedAt, Instant respondedAt, Integer escalationsSent,
		Instant nextEscalationAt, TimerKind nextTimerKind, Instant nextTimerAt, List<PendingEvent> outbox,
		Instant pausedAt, Instant resumedAt, Instant cancelledAt, Boolean resolvedAtFirstContact, Integer workingDays,
		Boolean dueByAgreement, Integer shard) {

	/**
	 * The timer shard (see {@code TimerShards}); absent on clocks stored before sharding.
	 */
	static final String SHARD = "shard";

	/** The epoch of the last shard lease a timer of this clock fired under. */
	static final String FENCE = "fence";

	/**
	 * The event id of the last timer firing stored, to tell which firings of a batch were
	 * stored.
	 */
	static final String LAST_FIRING = "lastFiring";

	static final String STATE = "state";

	static final String CONTACT_ID = "contactId";

	static final String DUE_AT = "dueAt";

	static final String ASSIGNEE_ID = "assigneeId";

	static final String NEXT_TIMER_KIND = "nextTimerKind";

	static final String NEXT_TIMER_AT = "nextTimerAt";

	static final String STANDARD = "standard";

	static final String STARTED_AT = "startedAt";

	static final String RESOLVED_AT_FIRST_CONTACT = "resolvedAtFirstContact";

	static final String DUE_BY_AGREEMENT = "dueByAgreement";

	static ClockDocument of(DeadlineClock clock, List<PendingEvent> outbox, int shard) {
		Timer next = clock.pendingTimer().orElse(null);
		return new ClockDocument(clock.id(), clock.contactId(), clock.standard(), clock.standardVersion(),
				clock.assigneeId(), clock.state(), clock.startedAt(), clock.dueAt(), clock.reminderAt().orElse(null),
				clock.reminderPoints(), clock.remindersSent(), clock.reminderSentAt().orElse(null),
				clock.breachedAt().orElse(null), clock.respondedAt().orElse(null), clock.escalationsSent(),
				clock.nextEscalationAt().orElse(null), (next != null) ? next.kind() : null,
				(next != null) ? next.at() : null, outbox, clock.pausedAt().orElse(null),
				clock.resumedAt().orElse(null), clock.cancelledAt().orElse(null), clock.resolvedAtFirstContact(),
				clock.workingDays().orElse(null), clock.dueByAgreement(), shard);
	}

	/**
	 * Reads a stored clock (without its outbox) as the mapping would. Hand-written
	 * because firing reads a batch of clocks for every batch of timers, and the mapping
	 * of each document cost more than reading it.
	 */
	static ClockDocument fromStored(org.bson.Document stored) {
		return new ClockDocument(stored.getString("_id"), stored.getString(CONTACT_ID), stored.getString(STANDARD),
				integer(stored, "standardVersion"), stored.getString(ASSIGNEE_ID),
				enumValue(ClockState.class, stored.getString(STATE)), instant(stored, STARTED_AT),
				instant(stored, DUE_AT), instant(stored, "reminderAt"), instants(stored, "reminderPoints"),
				integer(stored, "remindersSent"), instant(stored, "reminderSentAt"), instant(stored, "breachedAt"),
				instant(stored, "respondedAt"), integer(stored, "escalationsSent"), instant(stored, "nextEscalationAt"),
				enumValue(TimerKind.class, stored.getString(NEXT_TIMER_KIND)), instant(stored, NEXT_TIMER_AT), null,
				instant(stored, "pausedAt"), instant(stored, "resumedAt"), instant(stored, "cancelledAt"),
				stored.getBoolean(RESOLVED_AT_FIRST_CONTACT), integer(stored, "workingDays"),
				stored.getBoolean(DUE_BY_AGREEMENT), integer(stored, SHARD));
	}

	private static Integer integer(org.bson.Document stored, String field) {
		return (stored.get(field) instanceof Number number) ? number.intValue() : null;
	}

	private static Instant instant(org.bson.Document stored, String field) {
		Date date = stored.getDate(field);
		return (date != null) ? date.toInstant() : null;
	}

	private static List<Instant> instants(org.bson.Document stored, String field) {
		List<Date> dates = stored.getList(field, Date.class);
		return (dates != null) ? dates.stream().map(Date::toInstant).toList() : null;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	DeadlineClock toClock() {
		List<Instant> points = this.reminderPoints;
		int sent = (this.remindersSent != null) ? this.remindersSent : 0;
		if (points == null) {
			points = (this.reminderAt != null) ? List.of(this.reminderAt) : List.of();
			sent = (this.reminderSentAt != null) ? points.size() : 0;
		}
		return DeadlineClock.restore(new DeadlineClock.Snapshot(this.id, this.contactId, this.standard,
				(this.standardVersion != null) ? this.standardVersion : 1, this.assigneeId, this.startedAt, this.dueAt,
				points, sent, this.state, this.reminderSentAt, this.breachedAt, this.respondedAt,
				(this.escalationsSent != null) ? this.escalationsSent : 0, this.nextEscalationAt, this.pausedAt,
				this.resumedAt, this.cancelledAt, Boolean.TRUE.equals(this.resolvedAtFirstContact), this.workingDays,
				Boolean.TRUE.equals(this.dueByAgreement)));
	}

}
