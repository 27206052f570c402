package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

class RecountPacingTest {

	@ParameterizedTest(name = "a recount of {0} ms with a share of {1} waits {2} ms")
	@CsvSource({
			// quick recounts keep the interval
			"0,      0.02, 30000", "15,     0.02, 30000", "600,    0.02, 30000",
			// a slow one waits 49 times as long as it took: 2 % of the time recounting
			"1000,   0.02, 49000", "2200,   0.02, 107800", "2200,   0.1,  30000", "10000,  0.1,  90000",
			// a share of 1 never waits longer than the interval
			"120000, 1,    30000" })
	void theNextRecountWaitsSoThatRecountingTakesAtMostTheShare(long tookMillis, double share, long waitMillis) {
		RecountPacing pacing = new RecountPacing(Duration.ofSeconds(30), share);

		Duration wait = pacing.delayAfter(Duration.ofMillis(tookMillis));

		assertThat(wait).isEqualTo(Duration.ofMillis(waitMillis));
		if (waitMillis > 30000) {
			assertThat((double) tookMillis / (tookMillis + waitMillis)).isCloseTo(share, offset(1e-9));
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, -0.5, 1.5, Double.NaN })
	void aShareOutsideZeroToOneIsRefused(double share) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecountPacing(Duration.ofSeconds(30), share))
			.withMessageContaining("share");
	}

}
