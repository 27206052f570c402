package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers when the next pending notification falls due, so the retry job asks the
 * database only when there is something to send (the Mongo wire server scans every query)
 * plus a periodic full sweep for work this instance cannot know of. It starts with a
 * sweep, which finds whatever was pending before a restart.
 */
final class RetryTimetable {

	private final Duration fullSweepInterval;

	private final AtomicReference<Instant> earliestKnownDue = new AtomicReference<>(Instant.MIN);

	private volatile Instant nextFullSweep = Instant.MIN;

	RetryTimetable(Duration fullSweepInterval) {
		this.fullSweepInterval = fullSweepInterval;
	}

	boolean sweepDue(Instant now) {
		return !now.isBefore(this.earliestKnownDue.get()) || !now.isBefore(this.nextFullSweep);
	}

	/**
	 * Forgets what it knew: the sweep that starts now reads the database and reports what
	 * is still pending through {@link #noteDue(Instant)}.
	 */
	void sweepStarted(Instant now) {
		this.earliestKnownDue.set(Instant.MAX);
		this.nextFullSweep = now.plus(this.fullSweepInterval);
	}

	void noteDue(Instant at) {
		this.earliestKnownDue.accumulateAndGet(at, (known, noted) -> noted.isBefore(known) ? noted : known);
	}

}
