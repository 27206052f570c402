package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;

/**
 * How long to wait before sending again after a temporary failure: {@code initial},
 * multiplied by {@code multiplier} after each further failure, never more than
 * {@code max}.
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

	public Backoff {
		if (initial.isNegative() || initial.isZero()) {
			throw new IllegalArgumentException("The initial delay must be positive; got " + initial);
		}
		if (max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("The maximum delay " + max + " is shorter than the initial " + initial);
		}
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new IllegalArgumentException("The multiplier must be at least 1; got " + multiplier);
		}
	}

	/** The wait after the given number of failed attempts (1 for the first failure). */
	public Duration delayAfter(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("Nothing has failed yet: " + failedAttempts);
		}
		double millis = this.initial.toMillis() * Math.pow(this.multiplier, failedAttempts - 1);
		return (millis >= this.max.toMillis()) ? this.max : Duration.ofMillis(Math.round(millis));
	}

}
