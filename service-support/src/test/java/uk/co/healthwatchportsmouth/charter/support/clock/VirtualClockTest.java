package uk.co.healthwatchportsmouth.charter.support.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClockTest {

	private static final Instant REAL_NOW = Instant.parse("2026-11-24T09:00:00Z");

	private final VirtualClock clock = new VirtualClock(Clock.fixed(REAL_NOW, ZoneOffset.UTC));

	@Test
	void advancingMovesTheClockForwardByExactlyTheDuration() {
		assertThat(this.clock.advance(Duration.ofDays(2))).isEqualTo(REAL_NOW.plus(Duration.ofDays(2)));
		assertThat(this.clock.instant()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
	}

	@Test
	void theClockNeverRunsBackwards() {
		this.clock.advance(Duration.ofHours(5));

		this.clock.adoptOffset(Duration.ofHours(1));

		assertThat(this.clock.offset()).isEqualTo(Duration.ofHours(5));
		assertThatThrownBy(() -> this.clock.advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
	}

}
