package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.co.healthwatchportsmouth.charter.notification.mail.Alert;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffDirectory;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffMember;

/**
 * One email owed to staff because of one SLA event, recorded before it is sent so that
 * nothing is lost when the SMTP server is away and nothing is sent twice when the event
 * arrives twice: its id is the event id.
 *
 * <p>
 * {@code PENDING} until the server accepts it ({@code SENT}) or refuses it for good
 * ({@code FAILED}); while pending, {@code nextAttemptAt} says when it may next be sent.
 *
 * @param id the id of the event that caused it
 * @param kind reminder or breach
 * @param contactId the contact it is about
 * @param clockId the deadline clock it is about
 * @param standard the charter standard of the clock
 * @param dueAt the deadline
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
 */
public record Notification(String id, Alert.Kind kind, String contactId, String clockId, String standard, Instant dueAt,
		List<Recipient> recipients, String subject, String messageId, Status status, int attempts, Instant createdAt,
		Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt, String lastError, String failureReason) {

	static final String MESSAGE_ID_DOMAIN = "charter.healthwatchportsmouth";

	public Notification {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(status, "status");
		recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
	}

	public enum Status {

		PENDING, SENT, FAILED

	}

	/** The Message-ID of the email an event causes: the same however often it is sent. */
	public static String messageIdFor(String eventId) {
		return "<" + eventId + "@" + MESSAGE_ID_DOMAIN + ">";
	}

	/**
	 * Works out who must hear about an alert: the assignee in To and, for a breach, their
	 * manager in Cc. An assignee the directory does not know, or who is no longer active,
	 * makes the notification {@code FAILED} straight away, since no retry can fix it. A
	 * missing or inactive manager only drops the Cc: the assignee still needs to know.
	 */
	public static Notification plan(String eventId, Alert alert, String assigneeId, StaffDirectory staff,
			String subject, Instant now) {
		Notification pending = new Notification(eventId, alert.kind(), alert.contactId(), alert.clockId(),
				alert.standard(), alert.dueAt(), List.of(), subject, messageIdFor(eventId), Status.PENDING, 0, now, now,
				null, null, null, null);
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
		if (alert.kind() == Alert.Kind.BREACH) {
			staff.managerOf(assignee)
				.filter(StaffMember::active)
				.ifPresent((manager) -> recipients.add(recipient(Recipient.Role.CC, manager)));
		}
		return pending.withRecipients(recipients);
	}

	/** The facts the email is written from. */
	public Alert alert() {
		return new Alert(this.kind, this.contactId, this.clockId, this.standard, this.dueAt);
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
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.recipients, this.subject, this.messageId, this.status, this.attempts, this.createdAt, until,
				this.lastAttemptAt, this.sentAt, this.lastError, this.failureReason);
	}

	/** The SMTP server accepted it. */
	public Notification sent(Instant at) {
		requirePending();
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.recipients, this.subject, this.messageId, Status.SENT, this.attempts + 1, this.createdAt, null, at,
				at, null, null);
	}

	/**
	 * Sending failed in a way that may pass: it stays pending until the backoff is over.
	 */
	public Notification deferred(String reason, Instant at, Backoff backoff) {
		requirePending();
		int attempted = this.attempts + 1;
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.recipients, this.subject, this.messageId, Status.PENDING, attempted, this.createdAt,
				at.plus(backoff.delayAfter(attempted)), at, null, reason, null);
	}

	/** Sending failed in a way that will not pass: it is never tried again. */
	public Notification failed(String reason, Instant at) {
		requirePending();
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.recipients, this.subject, this.messageId, Status.FAILED, this.attempts + 1, this.createdAt, null,
				at, null, null, reason);
	}

	private Notification refused(String reason) {
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt,
				this.recipients, this.subject, this.messageId, Status.FAILED, this.attempts, this.createdAt, null, null,
				null, null, reason);
	}

	private Notification withRecipients(List<Recipient> recipients) {
		return new Notification(this.id, this.kind, this.contactId, this.clockId, this.standard, this.dueAt, recipients,
				this.subject, this.messageId, this.status, this.attempts, this.createdAt, this.nextAttemptAt,
				this.lastAttemptAt, this.sentAt, this.lastError, this.failureReason);
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
