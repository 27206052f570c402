package uk.co.healthwatchportsmouth.charter.support.clock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service takes its time from.
 *
 * @param mode {@code system} in production; {@code virtual} shares one movable clock
 * across the local stack
 * @param syncTopic the compacted topic that carries the virtual clock's offset to every
 * service
 */
@Validated
@ConfigurationProperties("charter.clock")
public record ClockProperties(@NotNull @DefaultValue("system") Mode mode,
		@NotBlank @DefaultValue("charter.local-clock") String syncTopic) {

	public enum Mode {

		SYSTEM, VIRTUAL

	}

}
