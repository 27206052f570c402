package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;

/**
 * A deadline clock that has not been met yet, as the digest needs it.
 *
 * @param id the clock id
 * @param contactId the contact it is for
 * @param standard its charter standard
 * @param assigneeId who must reply
 * @param dueAt its deadline (after a change or a resume, the new one)
 * @param paused whether it is paused, waiting for the customer ({@code null}: never
 * paused)
 */
public record OpenClock(String id, String contactId, String standard, String assigneeId, Instant dueAt,
		Boolean paused) {

	public OpenClock(String id, String contactId, String standard, String assigneeId, Instant dueAt) {
		this(id, contactId, standard, assigneeId, dueAt, null);
	}

	/** A paused clock counts no time: it is neither due nor overdue until it resumes. */
	public boolean isPaused() {
		return Boolean.TRUE.equals(this.paused);
	}

}
