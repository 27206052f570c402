package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The morning digest, {@code charter.notification.digest.*}.
 *
 * @param sendAt the London time on working days from which the day's digests go
 * @param checkInterval how often (real time) the service checks whether they are due
 */
@Validated
@ConfigurationProperties("charter.notification.digest")
public record DigestProperties(@NotNull @DefaultValue("08:30") LocalTime sendAt,
		@NotNull @DefaultValue("PT30S") Duration checkInterval) {

}
