package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;

/**
 * A deadline clock that has not been met yet, as the digest needs it.
 *
 * @param id the clock id
 * @param contactId the contact it is for
 * @param standard its charter standard
 * @param assigneeId who must reply
 * @param dueAt its deadline (after a change, the new one)
 */
public record OpenClock(String id, String contactId, String standard, String assigneeId, Instant dueAt) {

}
