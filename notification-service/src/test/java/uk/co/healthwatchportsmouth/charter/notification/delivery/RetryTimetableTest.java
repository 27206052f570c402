package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryTimetableTest {

	private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

	private final RetryTimetable timetable = new RetryTimetable(Duration.ofMinutes(1));

	@Test
	void sweepsAtStartUpToFindWhatWasPendingBeforeARestart() {
		assertThat(this.timetable.sweepDue(NOW)).isTrue();
	}

	@Test
	void afterASweepWaitsForTheEarliestKnownAttempt() {
		this.timetable.sweepStarted(NOW);
		this.timetable.noteDue(NOW.plusSeconds(20));
		this.timetable.noteDue(NOW.plusSeconds(5));
		this.timetable.noteDue(NOW.plusSeconds(40));

		assertThat(this.timetable.sweepDue(NOW.plusSeconds(4))).isFalse();
		assertThat(this.timetable.sweepDue(NOW.plusSeconds(5))).isTrue();
	}

	@Test
	void withNothingKnownStillSweepsOnceAFullSweepIntervalHasPassed() {
		this.timetable.sweepStarted(NOW);

		assertThat(this.timetable.sweepDue(NOW.plusSeconds(59))).isFalse();
		assertThat(this.timetable.sweepDue(NOW.plusSeconds(60))).isTrue();
	}

}
