package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The charter standards and how the service keeps them ({@code charter.sla.*}).
 *
 * @param calendar the office's zone and hours
 * @param standards working days each standard allows, by standard name
 * @param channels the standard that covers each contact channel
 * @param reminderBefore how long before a deadline the assignee is reminded; no reminder
 * when that would fall before the clock started
 * @param timers how the timer scheduler runs
 */
@Validated
@ConfigurationProperties("charter.sla")
public record SlaProperties(@Valid @NotNull @DefaultValue Calendar calendar,
		@NotEmpty Map<@NotBlank String, @Valid @NotNull StandardRule> standards,
		@NotEmpty Map<@NotBlank String, @NotBlank String> channels,
		@NotNull @DefaultValue("PT2H") Duration reminderBefore, @Valid @NotNull @DefaultValue Timers timers) {

	public SlaProperties {
		if (standards != null && channels != null) {
			channels.forEach((channel, standard) -> {
				if (!standards.containsKey(standard)) {
					throw new IllegalArgumentException("charter.sla.channels." + channel + " names standard '"
							+ standard + "', which charter.sla.standards does not define");
				}
			});
		}
		if (reminderBefore != null && reminderBefore.isNegative()) {
			throw new IllegalArgumentException("charter.sla.reminder-before must not be negative");
		}
	}

	/**
	 * @param zone the zone that decides which days and hours count
	 * @param opensAt when the office opens on a working day
	 * @param closesAt when it closes; deadlines fall at this time
	 */
	public record Calendar(@NotNull @DefaultValue("Europe/London") ZoneId zone,
			@NotNull @DefaultValue("09:00") LocalTime opensAt, @NotNull @DefaultValue("17:00") LocalTime closesAt) {

	}

	/**
	 * @param workingDays working days after the counting day by which to respond
	 */
	public record StandardRule(@Positive int workingDays) {

	}

	/**
	 * @param maxSleep the longest the scheduler sleeps before looking at the clock again
	 * @param retryDelay the pause before retrying a timer the store failed to fire
	 */
	public record Timers(@NotNull @DefaultValue("200ms") Duration maxSleep,
			@NotNull @DefaultValue("1s") Duration retryDelay) {

		public Timers {
			if (maxSleep != null && (maxSleep.isNegative() || maxSleep.isZero())) {
				throw new IllegalArgumentException("charter.sla.timers.max-sleep must be positive");
			}
		}

	}

}
