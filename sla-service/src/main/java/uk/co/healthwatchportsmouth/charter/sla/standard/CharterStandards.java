package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import uk.co.healthwatchportsmouth.charter.calendar.DeadlineExplanation;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;

/**
 * The Customer Service Standard: the standards, which covers each contact channel, and so
 * when a contact must be answered and when its assignee is reminded. Always asks the
 * current calendar, so a reloaded calendar applies to the next deadline worked out.
 */
public final class CharterStandards {

	private final Supplier<WorkingCalendar> calendar;

	private final Map<String, Standard> standards;

	private final Map<String, String> standardByChannel;

	/**
	 * @param calendar the current working calendar
	 * @param standards every standard, by name
	 * @param standardByChannel the standard's name for each channel, e.g. WEB_FORM to
	 * EMAIL
	 */
	public CharterStandards(Supplier<WorkingCalendar> calendar, Map<String, Standard> standards,
			Map<String, String> standardByChannel) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.standards = Map.copyOf(standards);
		this.standardByChannel = Map.copyOf(standardByChannel);
		this.standardByChannel.forEach((channel, standard) -> {
			if (!this.standards.containsKey(standard)) {
				throw new IllegalArgumentException("Channel " + channel + " names unknown standard " + standard);
			}
		});
	}

	/** A single-calendar convenience for tests and tools. */
	public static CharterStandards on(WorkingCalendar calendar, Map<String, Standard> standards,
			Map<String, String> standardByChannel) {
		return new CharterStandards(() -> calendar, standards, standardByChannel);
	}

	public WorkingCalendar calendar() {
		return this.calendar.get();
	}

	/** The standard covering a channel, e.g. WEB_FORM is covered by EMAIL. */
	public Optional<Standard> standardFor(String channel) {
		return Optional.ofNullable(this.standardByChannel.get(channel)).map(this.standards::get);
	}

	/** A standard by its own name, or by a channel it covers. */
	public Optional<Standard> standardNamed(String standardOrChannel) {
		return Optional.ofNullable(this.standards.get(standardOrChannel)).or(() -> standardFor(standardOrChannel));
	}

	/** Every standard's name, sorted. */
	public List<String> names() {
		return List.copyOf(new TreeSet<>(this.standards.keySet()));
	}

	/**
	 * The deadline for a contact received on a channel, or empty when no standard covers
	 * that channel.
	 */
	public Optional<Deadline> deadlineFor(String channel, Instant receivedAt) {
		return standardFor(channel).filter((standard) -> standard.kind() != StandardKind.PROMISED)
			.map((standard) -> deadline(standard, receivedAt, null));
	}

	public Deadline deadline(Standard standard, Instant receivedAt, Instant promisedAt) {
		return plan(standard, receivedAt, promisedAt).deadline();
	}

	/**
	 * The deadline with its explanation.
	 * @param promisedAt the promised time, required for a PROMISED standard and ignored
	 * otherwise
	 * @throws IllegalArgumentException when a promised time is missing or not after the
	 * receipt
	 */
	public DeadlinePlan plan(Standard standard, Instant receivedAt, Instant promisedAt) {
		WorkingCalendar calendar = this.calendar.get();
		LocalDate receivedOn = receivedAt.atZone(calendar.zone()).toLocalDate();
		return switch (standard.kind()) {
			case WORKING_DAYS -> {
				DeadlineExplanation explained = calendar.explain(receivedAt, standard.workingDays());
				yield new DeadlinePlan(deadline(calendar, standard, receivedAt, explained.dueAt()),
						explained.countingDay(), explained.workingDaysCounted(), explained.skippedDays());
			}
			case PROMISED -> {
				if (promisedAt == null) {
					throw new IllegalArgumentException("A " + standard.name() + " deadline needs the promised time");
				}
				if (!promisedAt.isAfter(receivedAt)) {
					throw new IllegalArgumentException("The promised time must come after the receipt");
				}
				yield new DeadlinePlan(deadline(calendar, standard, receivedAt, promisedAt), receivedOn, List.of(),
						calendar.skippedDays(receivedOn, promisedAt.atZone(calendar.zone()).toLocalDate()));
			}
			case DAILY_CHECK -> {
				ZonedDateTime local = receivedAt.atZone(calendar.zone());
				LocalDate checkDay = (calendar.isWorkingDay(receivedOn)
						&& local.toLocalTime().isBefore(standard.checkBy())) ? receivedOn
								: calendar.nextWorkingDayAfter(receivedOn);
				Instant dueAt = ZonedDateTime.of(checkDay, standard.checkBy(), calendar.zone()).toInstant();
				yield new DeadlinePlan(deadline(calendar, standard, receivedAt, dueAt), receivedOn, List.of(),
						calendar.skippedDays(receivedOn, checkDay));
			}
		};
	}

	private static Deadline deadline(WorkingCalendar calendar, Standard standard, Instant receivedAt, Instant dueAt) {
		return new Deadline(standard.name(), standard.version(), receivedAt, dueAt,
				reminders(calendar, standard.reminders(), receivedAt, dueAt));
	}

	/**
	 * The reminder points in working time. Each is moved into office hours (a point at
	 * closing time moves to the next opening); one that would then fall at or after the
	 * deadline, or before the receipt, is dropped.
	 */
	public static List<Instant> reminders(WorkingCalendar calendar, ReminderRule rule, Instant receivedAt,
			Instant dueAt) {
		TreeSet<Instant> points = new TreeSet<>();
		Duration workingTime = calendar.workingTimeBetween(receivedAt, dueAt);
		for (double fraction : rule.fractions()) {
			Duration share = Duration.ofMillis(Math.round(workingTime.toMillis() * fraction));
			points.add(calendar.plusWorkingTime(receivedAt, share));
		}
		for (Duration before : rule.beforeDeadline()) {
			if (before.compareTo(workingTime) < 0) {
				points.add(calendar.minusWorkingTime(dueAt, before));
			}
		}
		TreeSet<Instant> inOfficeHours = new TreeSet<>();
		for (Instant point : points) {
			Instant open = calendar.nextOpening(point);
			if (open.isBefore(dueAt) && !open.isBefore(receivedAt)) {
				inOfficeHours.add(open);
			}
		}
		return List.copyOf(inOfficeHours);
	}

}
