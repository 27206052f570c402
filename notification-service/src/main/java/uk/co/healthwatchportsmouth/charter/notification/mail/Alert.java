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
 * if known (reminders and new complaints only); otherwise {@code null}
 * @param complaint for a complaint milestone, its facts; otherwise {@code null}
 */
public record Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt, Instant previousDueAt,
		Integer escalation, String reason, String needsSummary, ComplaintMilestone complaint) {

	public Alert {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(contactId, "contactId");
		if (kind.isComplaintMilestone()) {
			// a milestone is about the complaint, not one of its deadline clocks
			Objects.requireNonNull(complaint, "complaint");
		}
		else {
			Objects.requireNonNull(clockId, "clockId");
			Objects.requireNonNull(standard, "standard");
			Objects.requireNonNull(dueAt, "dueAt");
		}
	}

	public Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt, Instant previousDueAt,
			Integer escalation, String reason, String needsSummary) {
		this(kind, contactId, clockId, standard, dueAt, previousDueAt, escalation, reason, needsSummary, null);
	}

	public Alert(Kind kind, String contactId, String clockId, String standard, Instant dueAt) {
		this(kind, contactId, clockId, standard, dueAt, null, null, null, null);
	}

	/**
	 * A complaint milestone: the complaint id stands where a contact id would, and there
	 * is no clock (sla-service owns the deadlines and sends its own emails about them).
	 */
	public static Alert complaintMilestone(Kind kind, String complaintId, ComplaintMilestone facts,
			String needsSummary) {
		return new Alert(kind, complaintId, null, null, null, null, null, null, needsSummary, facts);
	}

	public Alert withNeedsSummary(String needsSummary) {
		return new Alert(this.kind, this.contactId, this.clockId, this.standard, this.dueAt, this.previousDueAt,
				this.escalation, this.reason, needsSummary, this.complaint);
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
		DIGEST,

		/** A new complaint for its handler, to acknowledge (or signpost). */
		COMPLAINT_RECEIVED,

		/**
		 * The complainant was not satisfied and the complaint went to the next stage: the
		 * handler, with their manager copied in.
		 */
		COMPLAINT_ESCALATED,

		/** A complaint moved to another handler: the new handler hears of it. */
		COMPLAINT_REASSIGNED;

		/** Whether the assignee's manager is copied in. */
		public boolean copiesTheManager() {
			return this == BREACH || this == ESCALATION || this == COMPLAINT_ESCALATED;
		}

		/** Whether it is about a complaint's progress rather than a deadline clock. */
		public boolean isComplaintMilestone() {
			return this == COMPLAINT_RECEIVED || this == COMPLAINT_ESCALATED || this == COMPLAINT_REASSIGNED;
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
