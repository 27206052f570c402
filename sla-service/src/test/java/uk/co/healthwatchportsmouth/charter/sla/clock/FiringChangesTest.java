package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A firing writes only the fields it changes, yet the stored clock must end up exactly as
 * if the whole clock had been written: applied to the clock as it was read, the firing's
 * update gives the document of the fired clock.
 */
class FiringChangesTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	// a Monday
	private static final Instant STARTED = Instant.parse("2026-01-05T09:00:00Z");

	private static final Instant DUE = Instant.parse("2026-01-07T09:00:00Z");

	private static final Instant FIRST_REMINDER = Instant.parse("2026-01-06T09:00:00Z");

	private static final Instant SECOND_REMINDER = Instant.parse("2026-01-06T15:00:00Z");

	private static final long EPOCH = 4;

	static Stream<Arguments> firings() {
		return Stream
			.of(Arguments.of("the first of two reminders", running(List.of(FIRST_REMINDER, SECOND_REMINDER), 0, null),
					FIRST_REMINDER, List.of("remindersSent", "reminderSentAt", "reminderAt", "nextTimerAt"), List.of()),
					Arguments.of("the last reminder, the breach timer next",
							running(List.of(FIRST_REMINDER, SECOND_REMINDER), 1, FIRST_REMINDER), SECOND_REMINDER,
							List.of("remindersSent", "reminderSentAt", "nextTimerKind", "nextTimerAt"),
							List.of("reminderAt")),
					Arguments.of("the breach", running(List.of(FIRST_REMINDER), 1, FIRST_REMINDER), DUE,
							List.of("state", "breachedAt", "nextEscalationAt", "nextTimerKind", "nextTimerAt"),
							List.of()),
					Arguments.of("an escalation",
							new DeadlineClock.Snapshot("clock-1", "contact-1", "EMAIL", 1, "jo", STARTED, DUE,
									List.of(FIRST_REMINDER), 1, ClockState.BREACHED, FIRST_REMINDER, DUE, null, 0,
									Instant.parse("2026-01-08T09:00:00Z"), null, null, null, false, null, false),
							Instant.parse("2026-01-08T09:00:00Z"),
							List.of("escalationsSent", "nextEscalationAt", "nextTimerAt"), List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("firings")
	void appliedToTheClockAsReadGivesTheFiredClock(String name, DeadlineClock.Snapshot read, Instant firedAt,
			List<String> changedFields, List<String> removedFields) {
		DeadlineClock before = DeadlineClock.restore(read);
		DeadlineClock clock = DeadlineClock.restore(read);
		CharterEvent event = clock.fire(clock.pendingTimer().orElseThrow(), firedAt, CALENDAR);
		PendingEvent pending = PendingEvent.of(event);
		PendingEvent started = PendingEvent.of(new ClockStarted("clock-1/started", STARTED, "clock-1", "contact-1",
				"EMAIL", "jo", STARTED, DUE, null));

		Document update = ClockStore.firingChanges(before, new Firing(read, false, clock, event, EPOCH), pending);

		Document stored = ClockStore.newClock(before, started, 7);
		apply(update, stored);
		Document expected = ClockStore.newClock(clock, started, 7)
			.append(ClockDocument.FENCE, EPOCH)
			.append(ClockDocument.LAST_FIRING, event.eventId());
		List<Document> outbox = new ArrayList<>(expected.getList(EventOutbox.FIELD, Document.class));
		outbox.add(ClockStore.newClock(clock, pending, 7).getList(EventOutbox.FIELD, Document.class).get(0));
		expected.put(EventOutbox.FIELD, outbox);
		assertThat(stored).isEqualTo(expected);
		assertThat(update.get("$set", Document.class).keySet()).as("set")
			.containsExactlyInAnyOrderElementsOf(
					Stream.concat(changedFields.stream(), Stream.of(ClockDocument.FENCE, ClockDocument.LAST_FIRING))
						.toList());
		assertThat(update.get("$unset", new Document()).keySet()).as("unset")
			.containsExactlyInAnyOrderElementsOf(removedFields);
	}

	private static DeadlineClock.Snapshot running(List<Instant> reminders, int remindersSent, Instant reminderSentAt) {
		return new DeadlineClock.Snapshot("clock-1", "contact-1", "EMAIL", 1, "jo", STARTED, DUE, reminders,
				remindersSent, ClockState.RUNNING, reminderSentAt, null, null, 0, null, null, null, null, false, null,
				false);
	}

	/** What MongoDB does with the update's operators. */
	private static void apply(Document update, Document stored) {
		stored.putAll(update.get("$set", Document.class));
		update.get("$unset", new Document()).keySet().forEach(stored::remove);
		List<Document> outbox = new ArrayList<>(stored.getList(EventOutbox.FIELD, Document.class));
		outbox.addAll(update.get("$push", Document.class)
			.get(EventOutbox.FIELD, Document.class)
			.getList("$each", Document.class));
		stored.put(EventOutbox.FIELD, outbox);
	}

}
