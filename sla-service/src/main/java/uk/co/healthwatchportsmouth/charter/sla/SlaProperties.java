package uk.co.healthwatchportsmouth.charter.sla;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;

/**
 * The charter standards and how the service keeps them ({@code charter.sla.*}).
 *
 * @param calendar the office's zone, hours, bank holidays and closure days
 * @param standards each standard by name
 * @param channels the standard that covers each contact channel
 * @param reminders the reminder points of every standard that does not set its own
 * @param timers how the timer scheduler runs
 * @param answerphone the daily answerphone check
 */
@Validated
@ConfigurationProperties("charter.sla")
public record SlaProperties(@Valid @NotNull @DefaultValue Calendar calendar,
		@NotEmpty Map<@NotBlank String, @Valid @NotNull StandardRule> standards,
		@NotEmpty Map<@NotBlank String, @NotBlank String> channels, @Valid @NotNull @DefaultValue Reminders reminders,
		@Valid @NotNull @DefaultValue Timers timers, @Valid @NotNull @DefaultValue Answerphone answerphone) {

	public SlaProperties {
		if (standards != null && channels != null) {
			channels.forEach((channel, standard) -> {
				if (!standards.containsKey(standard)) {
					throw new IllegalArgumentException("charter.sla.channels." + channel + " names standard '"
							+ standard + "', which charter.sla.standards does not define");
				}
			});
		}
		if (standards != null) {
			standards.forEach((name, rule) -> {
				if (rule != null) {
					rule.check("charter.sla.standards." + name);
				}
			});
		}
	}

	/**
	 * @param zone the zone that decides which days and hours count
	 * @param opensAt when the office opens on a working day
	 * @param closesAt when it closes; deadlines fall at this time
	 * @param bankHolidaysFile a newer gov.uk {@code bank-holidays.json} on disk; when
	 * absent the copy shipped with the calendar is used
	 * @param closures extra days the office is closed, e.g. a Christmas closure
	 */
	public record Calendar(@NotNull @DefaultValue("Europe/London") ZoneId zone,
			@NotNull @DefaultValue("09:00") LocalTime opensAt, @NotNull @DefaultValue("17:00") LocalTime closesAt,
			Path bankHolidaysFile, @NotNull @DefaultValue List<@NotNull LocalDate> closures) {

		public Calendar {
			if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
				throw new IllegalArgumentException(
						"charter.sla.calendar.opens-at must be before closes-at: " + opensAt + "-" + closesAt);
			}
		}

	}

	/**
	 * @param kind how the deadline is set: a number of working days, a time staff
	 * promised, or a daily check
	 * @param workingDays for {@code WORKING_DAYS}: working days after the counting day
	 * @param checkBy for {@code DAILY_CHECK}: the local time by which the check is due
	 * @param version bumped when the rule changes; a clock keeps the version it started
	 * under
	 * @param reminders reminder points for this standard, instead of
	 * {@code charter.sla.reminders}
	 */
	public record StandardRule(@NotNull @DefaultValue("WORKING_DAYS") StandardKind kind, Integer workingDays,
			LocalTime checkBy, @Positive @DefaultValue("1") int version, @Valid Reminders reminders) {

		void check(String prefix) {
			switch (this.kind) {
				case WORKING_DAYS -> {
					if (this.workingDays == null || this.workingDays < 1) {
						throw new IllegalArgumentException(
								prefix + ".working-days must be at least 1 for a WORKING_DAYS standard");
					}
				}
				case DAILY_CHECK -> {
					if (this.checkBy == null) {
						throw new IllegalArgumentException(prefix + ".check-by is required for a DAILY_CHECK standard");
					}
				}
				case PROMISED -> {
				}
			}
		}

	}

	/**
	 * Reminder points in working time.
	 *
	 * @param fractions fractions of the working time from receipt to deadline, each
	 * between 0 and 1 exclusive (0.5 is half-way)
	 * @param beforeDeadline working time before the deadline, e.g. {@code PT2H}
	 */
	public record Reminders(@NotNull @DefaultValue("0.5") List<@NotNull Double> fractions,
			@NotNull @DefaultValue("PT2H") List<@NotNull Duration> beforeDeadline) {

		public Reminders {
			if (fractions != null) {
				fractions.forEach((fraction) -> {
					if (fraction == null || !(fraction > 0 && fraction < 1)) {
						throw new IllegalArgumentException(
								"charter.sla.reminders.fractions must lie between 0 and 1 exclusive; got " + fraction);
					}
				});
			}
			if (beforeDeadline != null) {
				beforeDeadline.forEach((offset) -> {
					if (offset == null || offset.isNegative() || offset.isZero()) {
						throw new IllegalArgumentException(
								"charter.sla.reminders.before-deadline must be positive; got " + offset);
					}
				});
			}
		}

	}

	/**
	 * @param maxSleep the longest the scheduler sleeps before looking at the clock again
	 * @param retryDelay the pause before retrying a timer the store failed to fire
	 * @param batchSize the most due timers fired together, with one read and one write of
	 * the store
	 * @param firingThreads how many threads fire batches side by side
	 */
	public record Timers(@NotNull @DefaultValue("200ms") Duration maxSleep,
			@NotNull @DefaultValue("1s") Duration retryDelay, @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
			@Min(1) @Max(16) @DefaultValue("2") int firingThreads) {

		public Timers {
			if (maxSleep != null && (maxSleep.isNegative() || maxSleep.isZero())) {
				throw new IllegalArgumentException("charter.sla.timers.max-sleep must be positive");
			}
		}

	}

	/**
	 * The daily answerphone check (the {@code ANSWERPHONE_CHECK} standard): one clock per
	 * working day, from opening to the standard's check-by time.
	 *
	 * @param enabled whether the service keeps these clocks
	 * @param assigneeId who is told when a day's check is missed
	 */
	public record Answerphone(@DefaultValue("true") boolean enabled, @NotBlank @DefaultValue("jo") String assigneeId) {

	}

}
