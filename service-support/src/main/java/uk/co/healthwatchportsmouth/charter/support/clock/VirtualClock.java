package uk.co.healthwatchportsmouth.charter.support.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs with real time but can be moved forward, for demonstrations and
 * tests. Time never runs backwards: the offset only grows.
 */
public final class VirtualClock extends Clock {

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	public VirtualClock(Clock base) {
		this.base = base;
	}

	public static VirtualClock startingNow() {
		return new VirtualClock(Clock.systemUTC());
	}

	public synchronized Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward; got " + by);
		}
		this.offset = this.offset.plus(by);
		return instant();
	}

	/**
	 * Adopts an offset learned from elsewhere, ignoring one that would move time
	 * backwards.
	 */
	public synchronized void adoptOffset(Duration offset) {
		if (offset.compareTo(this.offset) > 0) {
			this.offset = offset;
		}
	}

	public Duration offset() {
		return this.offset;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The virtual clock is always UTC; convert instants where needed");
	}

}
