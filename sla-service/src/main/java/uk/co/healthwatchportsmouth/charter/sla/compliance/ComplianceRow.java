package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.time.Duration;
import java.time.YearMonth;

/**
 * How one standard fared over the clocks due in one calendar month.
 *
 * @param met answered by the deadline
 * @param breached deadline passed, answered late or not yet
 * @param open still counting or paused
 * @param cancelled stopped without an answer owed
 * @param medianTimeToRespond working time from start to answer, over the answered clocks;
 * null when none was answered
 * @param p90TimeToRespond the 90th percentile of the same
 * @param firstContactResolutionRate share of the answered first-response clocks that were
 * met by a resolution at first contact; null when none was answered
 */
public record ComplianceRow(String standard, YearMonth month, int met, int breached, int open, int cancelled,
		Duration medianTimeToRespond, Duration p90TimeToRespond, Double firstContactResolutionRate) {

}
