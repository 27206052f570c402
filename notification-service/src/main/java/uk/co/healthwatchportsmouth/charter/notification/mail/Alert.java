package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What a notification tells staff about: facts and ids from an SLA event, never customer
 * personal data.
 *
 * @param kind reminder before the deadline, or breach after it
 * @param contactId the contact that needs a reply
 * @param clockId the deadline clock, quoted for reference
 * @param standard the charter standard the clock runs under, e.g. {@code EMAIL}
 * @param dueAt the deadline
 */
public record Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt) {

	public Alert {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
	}

	public enum Kind {

		/** The deadline is near: reply before it passes. */
		REMINDER,

		/** The deadline passed without a reply: the charter promise is broken. */
		BREACH

	}

}
