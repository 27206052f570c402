package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a contact's personal data is kept after it is closed (resolved or escalated),
 * and how often the retention job looks for contacts past it.
 *
 * @param keepFor {@code charter.intake.retention.keep-for}, default P6Y
 * @param checkInterval {@code charter.intake.retention.check-interval}, default PT1H
 */
@Validated
@ConfigurationProperties("charter.intake.retention")
public record RetentionProperties(@NotNull @DefaultValue("P6Y") Period keepFor,
		@NotNull @DefaultValue("PT1H") Duration checkInterval) {

}
