package uk.co.healthwatchportsmouth.charter.sla.clock;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;

/**
 * A timer's firing worked out in memory, to be stored: the clock as it was read, as it is
 * after the firing, the event the firing caused, and the epoch of the shard lease it
 * fires under (the fencing token).
 */
public record Firing(ClockVersion basedOn, DeadlineClock changed, CharterEvent event, long leaseEpoch) {

}
