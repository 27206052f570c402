package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact in a morning digest: ids and facts only.
 *
 * @param contactId the contact that needs a reply
 * @param standard the charter standard of its clock
 * @param dueAt its deadline
 * @param overdue whether the deadline has already passed
 */
public record DigestLine(String contactId, String standard, Instant dueAt, boolean overdue) {

	public DigestLine {
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
	}

}
