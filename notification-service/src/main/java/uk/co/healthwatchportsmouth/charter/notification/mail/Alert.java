package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What a notification tells staff about: facts and ids from an SLA event, never customer
 * personal data.
 *
 * @param kind what happened
 * @param contactId the contact that needs a reply
 * @param clockId the deadline clock, quoted for reference
 * @param standard the charter standard the clock runs under, e.g. {@code EMAIL}
 * @param dueAt the deadline (for a deadline change, the new one)
 * @param previousDueAt for a deadline change, the deadline before it; otherwise
 * {@code null}
 * @param escalation for an escalation, which one (1 for the first morning after the
 * breach); otherwise {@code null}
 * @param reason for a deadline change, why it moved; otherwise {@code null}
 * @param needsSummary the customer's communication needs in a few non-identifying words,
 * if known (reminders only); otherwise {@code null}
 */
public record Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt, Instant previousDueAt,
		Integer escalation, String reason, String needsSummary) {

	public Alert {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(clockId, "clockId");
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(dueAt, "dueAt");
	}

	public Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt) {
		this(kind, contactId, clockId, standard, dueAt, null, null, null, null);
	}

	public Alert withNeedsSummary(String needsSummary) {
		return new Alert(this.kind, this.contactId, this.clockId, this.standard, this.dueAt, this.previousDueAt,
				this.escalation, this.reason, needsSummary);
	}

	public enum Kind {

		/** The deadline is near: reply before it passes. */
		REMINDER,

		/** The deadline passed without a reply: the charter promise is broken. */
		BREACH,

		/** A breached contact is still unanswered on another working morning. */
		ESCALATION,

		/** The deadline moved, e.g. because a bank holiday was announced. */
		DEADLINE_CHANGED,

		/** A working morning's list of what someone has due today and overdue. */
		DIGEST;

		/** Whether the assignee's manager is copied in. */
		public boolean copiesTheManager() {
			return this == BREACH || this == ESCALATION;
		}

		/**
		 * Whether it waits for office hours: only breaches and escalations go at any
		 * hour.
		 */
		public boolean waitsForOfficeHours() {
			return this != BREACH && this != ESCALATION;
		}

	}

}
