package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;

import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;

/**
 * Replaces the service's clock with one that stands still at {@link #START} until a test
 * advances it.
 */
class VirtualTimeConfiguration {

	static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	@Bean
	VirtualClock clock() {
		return new VirtualClock(Clock.fixed(START, ZoneOffset.UTC));
	}

}
