package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a standard promises for one contact.
 *
 * @param standard the standard's name
 * @param standardVersion the version of the standard it was worked out under
 * @param startedAt when the contact was received, which is when its clock starts
 * @param dueAt when the response is due
 * @param reminders when to remind the assignee, in order, all between start and deadline
 */
public record Deadline(String standard, int standardVersion, Instant startedAt, Instant dueAt,
		List<Instant> reminders) {

	public Deadline {
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(dueAt, "dueAt");
		reminders = List.copyOf(reminders);
		for (Instant reminder : reminders) {
			if (reminder.isBefore(startedAt) || reminder.isAfter(dueAt)) {
				throw new IllegalArgumentException("A reminder must fall between start and deadline: " + reminder);
			}
		}
	}

	/** The first reminder, or {@code null} when there is none. */
	public Instant reminderAt() {
		return this.reminders.isEmpty() ? null : this.reminders.get(0);
	}

}
