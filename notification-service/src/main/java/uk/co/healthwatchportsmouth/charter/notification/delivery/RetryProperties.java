package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When emails that failed for a temporary reason are sent again,
 * {@code charter.notification.retry.*}.
 *
 * @param initial the wait after the first temporary failure
 * @param max the longest wait between attempts
 * @param multiplier how much longer each further wait is
 * @param pollInterval how often the retry job looks for due notifications (real time)
 * @param claimTimeout how long a sender may hold a notification before another may send
 * it; longer than the slowest SMTP conversation
 * @param fullSweepInterval how often the retry job asks the database for due
 * notifications even when it knows of none (e.g. another instance's)
 * @param batchSize how many due notifications one run of the retry job sends at most
 */
@Validated
@ConfigurationProperties("charter.notification.retry")
public record RetryProperties(@NotNull @DefaultValue("PT5S") Duration initial,
		@NotNull @DefaultValue("PT30S") Duration max, @DecimalMin("1.0") @DefaultValue("2") double multiplier,
		@NotNull @DefaultValue("PT1S") Duration pollInterval, @NotNull @DefaultValue("PT1M") Duration claimTimeout,
		@NotNull @DefaultValue("PT1M") Duration fullSweepInterval, @Min(1) @DefaultValue("50") int batchSize) {

	public Backoff backoff() {
		return new Backoff(this.initial, this.max, this.multiplier);
	}

}
