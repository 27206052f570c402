package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Duration;

/**
 * When the next recount of the open clocks starts: after the usual interval, or later
 * when the last recount was slow, so that recounting takes at most the given share of the
 * time. A recount the store answers from an index takes milliseconds and keeps the usual
 * interval; a scan of a million clocks on the embedded wire server takes 8-11 s while
 * timers fire, and recounting every 30 s would take a third of a core from the firing of
 * timers and the storing of new clocks, which matter more than a gauge a few minutes old.
 *
 * @param interval the wait between recounts that are quick
 * @param share the largest share of the time recounting may take, more than 0, at most 1
 */
record RecountPacing(Duration interval, double share) {

	RecountPacing {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("The share of the time must be more than 0 and at most 1: " + share);
		}
	}

	/** The wait after a recount that took {@code took} before the next starts. */
	Duration delayAfter(Duration took) {
		// took / (took + wait) <= share
		long paced = (long) (took.toNanos() * (1 / this.share - 1));
		return (paced > this.interval.toNanos()) ? Duration.ofNanos(paced) : this.interval;
	}

}
