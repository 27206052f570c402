package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A charter promise, e.g. EMAIL answered within 2 working days.
 *
 * @param name the name events and reports use, e.g. {@code EMAIL}
 * @param version bumped when the rule changes; clocks keep the version they started under
 * @param kind how the deadline is set
 * @param workingDays for {@link StandardKind#WORKING_DAYS}: working days after the
 * counting day, otherwise 0
 * @param checkBy for {@link StandardKind#DAILY_CHECK}: the local time it is due by,
 * otherwise {@code null}
 * @param reminders where the assignee is reminded
 */
public record Standard(String name, int version, StandardKind kind, int workingDays, LocalTime checkBy,
		ReminderRule reminders) {

	public Standard {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reminders, "reminders");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A standard needs a name");
		}
		if (version < 1) {
			throw new IllegalArgumentException("Standard " + name + " needs a version from 1; got " + version);
		}
		if (kind == StandardKind.WORKING_DAYS && workingDays < 1) {
			throw new IllegalArgumentException(
					"Standard " + name + " must give at least one working day; got " + workingDays);
		}
		if (kind == StandardKind.DAILY_CHECK && checkBy == null) {
			throw new IllegalArgumentException("Daily check " + name + " needs a time to be done by");
		}
	}

	/**
	 * This working-days standard with a number of working days given case by case, e.g.
	 * by the complaints procedure on the event that starts the clock.
	 */
	public Standard withWorkingDays(int days) {
		if (this.kind != StandardKind.WORKING_DAYS) {
			throw new IllegalStateException("Standard " + this.name + " does not count working days");
		}
		return new Standard(this.name, this.version, this.kind, days, this.checkBy, this.reminders);
	}

	/** A working-days standard with the default reminders, version 1. */
	public static Standard workingDays(String name, int workingDays) {
		return new Standard(name, 1, StandardKind.WORKING_DAYS, workingDays, null, ReminderRule.DEFAULT);
	}

}
