package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay publishes.
 *
 * @param source the CloudEvents source of this service's events, e.g.
 * {@code /intake-service}
 * @param retryInterval how often documents whose events could not be published are
 * retried
 * @param lanes how many relays publish in parallel
 * @param batchSize the most documents a relay publishes together (one read and one write
 * of the store for all of them, their events sent before any acknowledgement is awaited)
 */
@Validated
@ConfigurationProperties("charter.outbox")
public record OutboxProperties(@NotBlank String source, @NotNull @DefaultValue("PT5S") Duration retryInterval,
		@Min(1) @Max(64) @DefaultValue("4") int lanes, @Min(1) @Max(10_000) @DefaultValue("500") int batchSize) {

}
