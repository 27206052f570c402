package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import uk.co.healthwatchportsmouth.charter.sla.calendar.WorkingCalendar;

/**
 * The Customer Service Standard: which standard covers each contact channel, and so when
 * a contact must be answered and when its assignee is reminded.
 */
public final class CharterStandards {

	private final WorkingCalendar calendar;

	private final Map<String, Standard> standardByChannel;

	private final Duration reminderBefore;

	/**
	 * @param standardByChannel the standard for each channel, e.g. PHONE to EMAIL
	 * @param reminderBefore how long before the deadline the assignee is reminded
	 */
	public CharterStandards(WorkingCalendar calendar, Map<String, Standard> standardByChannel,
			Duration reminderBefore) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.standardByChannel = Map.copyOf(standardByChannel);
		this.reminderBefore = Objects.requireNonNull(reminderBefore, "reminderBefore");
		if (reminderBefore.isNegative()) {
			throw new IllegalArgumentException("The reminder comes before the deadline; got " + reminderBefore);
		}
	}

	public Optional<Standard> standardFor(String channel) {
		return Optional.ofNullable(this.standardByChannel.get(channel));
	}

	/**
	 * The deadline for a contact received on a channel, or empty when no standard covers
	 * that channel.
	 */
	public Optional<Deadline> deadlineFor(String channel, Instant receivedAt) {
		return standardFor(channel).map((standard) -> deadline(standard, receivedAt));
	}

	public Deadline deadline(Standard standard, Instant receivedAt) {
		Instant dueAt = this.calendar.closeOfBusiness(receivedAt, standard.workingDays());
		Instant reminderAt = dueAt.minus(this.reminderBefore);
		return new Deadline(standard.name(), receivedAt, dueAt, reminderAt.isBefore(receivedAt) ? null : reminderAt);
	}

}
