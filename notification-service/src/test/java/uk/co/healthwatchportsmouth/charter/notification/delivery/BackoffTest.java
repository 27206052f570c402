package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 2);

	@ParameterizedTest(name = "after {0} failure(s) wait {1}")
	@CsvSource({ "1, PT5S", "2, PT10S", "3, PT20S", "4, PT40S", "5, PT1M20S", "6, PT2M40S", "7, PT5M", "8, PT5M",
			"1000, PT5M" })
	void doublesTheWaitAfterEachFailureUpToFiveMinutes(int failures, Duration expected) {
		assertThat(this.backoff.delayAfter(failures)).isEqualTo(expected);
	}

	@Test
	void aMultiplierOfOneWaitsTheSameEveryTime() {
		Backoff steady = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 1);
		assertThat(steady.delayAfter(1)).isEqualTo(steady.delayAfter(50)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void refusesSettingsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(5), 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5), 2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> this.backoff.delayAfter(0));
	}

}
