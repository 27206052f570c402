package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/**
 * A response was recorded for a contact that already has one: the first response is what
 * the charter measures, so it is never overwritten.
 */
public class ContactAlreadyRespondedException extends RuntimeException {

	public ContactAlreadyRespondedException(String contactId, Instant respondedAt) {
		super("Contact " + contactId + " was already responded to"
				+ ((respondedAt != null) ? " at " + respondedAt : ""));
	}

}
