package uk.co.healthwatchportsmouth.charter.sla.clock;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;

/**
 * A timer's firing worked out in memory, to be stored: the clock as it was read, as it is
 * after the firing, the event the firing caused, and the epoch of the shard lease it
 * fires under (the fencing token).
 *
 * @param eventsUnpublishedBefore whether the clock's outbox held events of an earlier
 * change when it was read (when not, the firing's event is published without reading the
 * outbox again)
 */
public record Firing(DeadlineClock.Snapshot before, boolean eventsUnpublishedBefore, DeadlineClock changed,
		CharterEvent event, long leaseEpoch) {

	/** The version of the clock the firing was worked out from. */
	public ClockVersion basedOn() {
		return ClockVersion.of(DeadlineClock.restore(this.before));
	}

}
