package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.co.healthwatchportsmouth.charter.notification.mail.Alert;
import uk.co.healthwatchportsmouth.charter.notification.mail.ComplaintMilestone;
import uk.co.healthwatchportsmouth.charter.notification.mail.DigestLine;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffDirectory;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffMember;

/**
 * One email owed to staff because of one SLA event, recorded before it is sent so that
 * nothing is lost when the SMTP server is away and nothing is sent twice when the event
 * arrives twice: its id is derived from the event.
 *
 * <p>
 * {@code PENDING} until the server accepts it ({@code SENT}) or refuses it for good
 * ({@code FAILED}); while pending, {@code nextAttemptAt} says when it may next be sent.
 *
 * @param id the id of the event that caused it (for an escalation, one per escalation
 * number of the clock; for a resend, a new id)
 * @param kind reminder, breach, escalation, deadline change, digest or complaint
 * milestone
 * @param contactId the contact it is about (for a complaint's clock or milestone, the
 * complaint)
 * @param clockId the deadline clock it is about
 * @param standard the charter standard of the clock
 * @param dueAt the deadline
 * @param previousDueAt for a deadline change, the deadline before it
 * @param escalation for an escalation, which one
 * @param reason for a deadline change, why it moved
 * @param needsSummary for a reminder, the customer's communication needs if known
 * @param resendOf for a resend through the API, the notification it repeats
 * @param digestDay for a digest, the working day it is for
 * @param digestLines for a digest, what is overdue and due that day
 * @param recipients who it goes to (To, then Cc)
 * @param subject the email subject
 * @param messageId the Message-ID every copy of the email carries
 * @param status where delivery stands
 * @param attempts how many times it was handed to the SMTP server
 * @param createdAt when it was recorded
 * @param nextAttemptAt while pending, when it may next be sent
 * @param lastAttemptAt when it was last handed to the SMTP server
 * @param sentAt when the SMTP server accepted it
 * @param lastError why the last attempt did not go through, while still pending
 * @param failureReason why it will never be sent, once failed
 * @param duplicateOf for a repeated delivery of an event that was already recorded, the
 * notification it repeats (this one is {@code SUPPRESSED} and sends nothing)
 * @param complaint for a complaint milestone, its facts (codes, ids and dates only)
 */
public record Notification(String id, Alert.Kind kind, String contactId, String clockId, String standard, Instant dueAt,
		Instant previousDueAt, Integer escalation, String reason, String needsSummary, String resendOf,
		LocalDate digestDay, List<DigestLine> digestLines, List<Recipient> recipients, String subject, String messageId,
		Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt,
		String lastError, String failureReason, String duplicateOf, ComplaintMilestone complaint) {

	static final String MESSAGE_ID_DOMAIN = "charter.healthwatchportsmouth";

	public Notification {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(status, "status");
		recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
		digestLines = (digestLines != null) ? List.copyOf(digestLines) : List.of();
	}

	public enum Status {

		PENDING, SENT, FAILED,

		/**
		 * A repeated delivery of an event already recorded: kept for the record, never
		 * sent.
		 */
		SUPPRESSED

	}

	/**
	 * The Message-ID of the email a notification is: the same however often it is sent.
	 */
	public static String messageIdFor(String notificationId) {
		return "<" + notificationId + "@" + MESSAGE_ID_DOMAIN + ">";
	}

	/**
	 * Works out who must hear about an alert: the assignee in To and, for a breach or an
	 * escalation, their manager in Cc. An assignee the directory does not know, or who is
	 * no longer active, makes the notification {@code FAILED} straight away, since no
	 * retry can fix it. A missing or inactive manager only drops the Cc: the assignee
	 * still needs to know.
	 */
	public static Notification plan(String id, Alert alert, String assigneeId, StaffDirectory staff, String subject,
			Instant now) {
		return plan(id, alert, null, assigneeId, staff, subject, now);
	}

	/**
	 * A working morning's digest for one staff member; its id is derived from the person
	 * and the day, so there is one per person per day.
	 */
	public static Notification digest(String id, StaffMember member, LocalDate day, List<DigestLine> lines,
			String subject, Instant now) {
		return new Notification(id, Alert.Kind.DIGEST, null, null, null, null, null, null, null, null, null, day, lines,
				List.of(recipient(Recipient.Role.TO, member)), subject, messageIdFor(id), Status.PENDING, 0, now, now,
				null, null, null, null, null, null);
	}

	/**
	 * A new delivery of the same email to the same assignee (looked up again, so a
	 * corrected address is used), with its own id and Message-ID.
	 */
	public Notification resend(String newId, StaffDirectory staff, Instant now) {
		if (this.status == Status.PENDING) {
			throw new IllegalStateException("Notification " + this.id + " is still being delivered");
		}
		if (this.status == Status.SUPPRESSED) {
			throw new IllegalStateException(
					"Notification " + this.id + " is a suppressed duplicate; resend " + this.duplicateOf + " instead");
		}
		String assigneeId = recipients(Recipient.Role.TO).stream().map(Recipient::staffId).findFirst().orElse(null);
		if (this.kind == Alert.Kind.DIGEST) {
			Optional<StaffMember> member = staff.find(assigneeId);
			Notification copy = new Notification(newId, this.kind, null, null, null, null, null, null, null, null,
					this.id, this.digestDay, this.digestLines, List.of(), this.subject, messageIdFor(newId),
					Status.PENDING, 0, now, now, null, null, null, null, null, null);
			return member.filter(StaffMember::active)
				.map((found) -> copy.withRecipients(List.of(recipient(Recipient.Role.TO, found))))
				.orElseGet(() -> copy.refused("Staff member '" + assigneeId + "' is unknown or not active"));
		}
		return plan(newId, alert(), this.id, assigneeId, staff, this.subject, now);
	}

	private static Notification plan(String id, Alert alert, String resendOf, String assigneeId, StaffDirectory staff,
			String subject, Instant now) {
		Notification pending = new Notification(id, alert.kind(), alert.contactId(), alert.clockId(), alert.standard(),
				alert.dueAt(), alert.previousDueAt(), alert.escalation(), alert.reason(), alert.needsSummary(),
				resendOf, null, null, List.of(), subject, messageIdFor(id), Status.PENDING, 0, now, now, null, null,
				null, null, null, alert.complaint());
		if (assigneeId == null || assigneeId.isBlank()) {
			return pending.refused("The event names no assignee");
		}
		Optional<StaffMember> found = staff.find(assigneeId);
		if (found.isEmpty()) {
			return pending.withRecipients(List.of(new Recipient(Recipient.Role.TO, assigneeId, null, null)))
				.refused("Unknown staff member '" + assigneeId + "'");
		}
		StaffMember assignee = found.get();
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(recipient(Recipient.Role.TO, assignee));
		if (!assignee.active()) {
			return pending.withRecipients(recipients).refused("Staff member '" + assigneeId + "' is not active");
		}
		if (alert.kind().copiesTheManager()) {
			staff.managerOf(assignee)
				.filter(StaffMember::active)
				.ifPresent((manager) -> recipients.add(recipient(Recipient.Role.CC, manager)));
		}
		return pending.withRecipients(recipients);
	}

	/**
	 * The record of a repeated delivery of the event this notification came from: the
	 * same facts and recipients, {@code SUPPRESSED}, pointing at this notification, with
	 * no Message-ID since no email goes.
	 * @param duplicateId its own id, {@code <this id>#dup-<suffix>}
	 */
	public Notification suppressedRepeat(String duplicateId, Instant now) {
		return new Notification(duplicateId, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.previousDueAt, this.escalation, this.reason, this.needsSummary, this.resendOf, this.digestDay,
				this.digestLines, this.recipients, this.subject, null, Status.SUPPRESSED, 0, now, null, null, null,
				null, null, this.id, this.complaint);
	}

	/** The facts the email is written from. */
	public Alert alert() {
		return new Alert(this.kind, this.contactId, this.clockId, this.standard, this.dueAt, this.previousDueAt,
				this.escalation, this.reason, this.needsSummary, this.complaint);
	}

	public List<Recipient> recipients(Recipient.Role role) {
		return this.recipients.stream().filter((recipient) -> recipient.role() == role).toList();
	}

	/**
	 * Reserves a pending notification for one sender until the given time, so that no
	 * other sender picks it up meanwhile; if that sender dies, it becomes due again.
	 */
	public Notification claimedUntil(Instant until) {
		requirePending();
		return delivery(this.status, this.attempts, until, this.lastAttemptAt, this.sentAt, this.lastError,
				this.failureReason);
	}

	/** The SMTP server accepted it. */
	public Notification sent(Instant at) {
		requirePending();
		return delivery(Status.SENT, this.attempts + 1, null, at, at, null, null);
	}

	/**
	 * Sending failed in a way that may pass: it stays pending until the backoff is over.
	 */
	public Notification deferred(String reason, Instant at, Backoff backoff) {
		requirePending();
		int attempted = this.attempts + 1;
		return delivery(Status.PENDING, attempted, at.plus(backoff.delayAfter(attempted)), at, null, reason, null);
	}

	/**
	 * It was not handed to the SMTP server at all (the circuit breaker is open): it is
	 * due again at once, and goes as soon as the breaker lets mail through. No attempt is
	 * counted, so the backoff does not grow while nothing is tried.
	 */
	public Notification held(String reason, Instant at) {
		requirePending();
		return delivery(Status.PENDING, this.attempts, at, this.lastAttemptAt, null, reason, null);
	}

	/** Sending failed in a way that will not pass: it is never tried again. */
	public Notification failed(String reason, Instant at) {
		requirePending();
		return delivery(Status.FAILED, this.attempts + 1, null, at, null, null, reason);
	}

	private Notification refused(String reason) {
		return delivery(Status.FAILED, this.attempts, null, null, null, null, reason);
	}

	private Notification withRecipients(List<Recipient> recipients) {
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.previousDueAt, this.escalation, this.reason, this.needsSummary, this.resendOf, this.digestDay,
				this.digestLines, recipients, this.subject, this.messageId, this.status, this.attempts, this.createdAt,
				this.nextAttemptAt, this.lastAttemptAt, this.sentAt, this.lastError, this.failureReason,
				this.duplicateOf, this.complaint);
	}

	private Notification delivery(Status status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
			Instant sentAt, String lastError, String failureReason) {
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.previousDueAt, this.escalation, this.reason, this.needsSummary, this.resendOf, this.digestDay,
				this.digestLines, this.recipients, this.subject, this.messageId, status, attempts, this.createdAt,
				nextAttemptAt, lastAttemptAt, sentAt, lastError, failureReason, this.duplicateOf, this.complaint);
	}

	private static Recipient recipient(Recipient.Role role, StaffMember member) {
		return new Recipient(role, member.id(), member.name(), member.email());
	}

	private void requirePending() {
		if (this.status != Status.PENDING) {
			throw new IllegalStateException("Notification " + this.id + " is " + this.status + ", not PENDING");
		}
	}

}
