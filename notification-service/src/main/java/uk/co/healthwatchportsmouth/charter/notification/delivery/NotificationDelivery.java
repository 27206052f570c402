package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.notification.complaint.ComplaintHandlers;
import uk.co.healthwatchportsmouth.charter.notification.contact.CommunicationNeeds;
import uk.co.healthwatchportsmouth.charter.notification.mail.Alert;
import uk.co.healthwatchportsmouth.charter.notification.mail.AlertMailComposer;
import uk.co.healthwatchportsmouth.charter.notification.mail.ComplaintMilestone;
import uk.co.healthwatchportsmouth.charter.notification.mail.DigestLine;
import uk.co.healthwatchportsmouth.charter.notification.mail.GuardedMailer;
import uk.co.healthwatchportsmouth.charter.notification.mail.MailContent;
import uk.co.healthwatchportsmouth.charter.notification.mail.OutgoingMail;
import uk.co.healthwatchportsmouth.charter.notification.mail.SendOutcome;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffMember;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffRoster;

/**
 * Turns SLA events and complaint milestones into emails: records the notification first
 * (its id is the event id, so a redelivered event sends nothing and is only recorded as
 * {@code SUPPRESSED}), then sends it, and sends again later whatever failed for a
 * temporary reason.
 */
public class NotificationDelivery {

	private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

	private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"'@,;:()]+@[^\\s<>\"',;:()]+");

	/** Between the original's id and a suffix in the id of a suppressed repeat. */
	static final String DUPLICATE_MARKER = "#dup-";

	private final NotificationStore store;

	private final StaffRoster staff;

	private final CommunicationNeeds needs;

	private final ComplaintHandlers handlers;

	private final AlertMailComposer composer;

	private final GuardedMailer mailer;

	private final String from;

	private final RetryProperties retry;

	private final Backoff backoff;

	private final RetryTimetable timetable;

	private final Clock clock;

	private final MeterRegistry meters;

	private final WorkingCalendar calendar;

	NotificationDelivery(NotificationStore store, StaffRoster staff, CommunicationNeeds needs,
			ComplaintHandlers handlers, AlertMailComposer composer, GuardedMailer mailer, String from,
			RetryProperties retry, Clock clock, MeterRegistry meters, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.store = store;
		this.staff = staff;
		this.needs = needs;
		this.handlers = handlers;
		this.composer = composer;
		this.mailer = mailer;
		this.from = from;
		this.retry = retry;
		this.backoff = retry.backoff();
		this.timetable = new RetryTimetable(retry.fullSweepInterval());
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Reminders, breaches, escalations and deadline changes become emails, and so do a
	 * new complaint (to its handler), a complaint's escalation to the next stage (to the
	 * handler, their manager copied in) and a complaint's reassignment (to the new
	 * handler); other events need none. Other complaint milestones send nothing: an
	 * agreed extension is told by sla-service's deadline change, and a response, closure,
	 * withdrawal or signposting is something the handler did themselves.
	 * @param deliveryId what identifies this delivery of the event (e.g. its topic,
	 * partition and offset), so that replaying the same record does not record a second
	 * duplicate; {@code null} if unknown, when each repeat is recorded
	 */
	public void handle(CharterEvent event, String deliveryId) {
		switch (event) {
			case ReminderDue reminder -> record(deliveryId, reminder.eventId(),
					new Alert(Alert.Kind.REMINDER, reminder.contactId(), reminder.clockId(), reminder.standard(),
							reminder.dueAt())
						.withNeedsSummary(this.needs.summaryFor(reminder.contactId()).orElse(null)),
					reminder.assigneeId());
			case Breached breach -> record(deliveryId, breach.eventId(), new Alert(Alert.Kind.BREACH,
					breach.contactId(), breach.clockId(), breach.standard(), breach.dueAt()), breach.assigneeId());
			// one email per escalation number of a clock, whatever the event id
			case Escalated escalated -> record(deliveryId,
					EventIds.of("notification", "escalation", escalated.clockId(),
							Integer.toString(escalated.escalation())),
					new Alert(Alert.Kind.ESCALATION, escalated.contactId(), escalated.clockId(), escalated.standard(),
							escalated.dueAt(), null, escalated.escalation(), null, null),
					escalated.assigneeId());
			case DeadlineChanged changed -> record(deliveryId, changed.eventId(),
					new Alert(Alert.Kind.DEADLINE_CHANGED, changed.contactId(), changed.clockId(), changed.standard(),
							changed.dueAt(), changed.previousDueAt(), null, changed.reason(), null),
					changed.assigneeId());
			case ComplaintReceived received -> record(
					deliveryId, received.eventId(), Alert.complaintMilestone(Alert.Kind.COMPLAINT_RECEIVED,
							received.complaintId(), ComplaintMilestone.received(received.kind(), received.channel(),
									received.receivedAt(), received.originContactId()),
							received.needsSummary()),
					received.handlerId());
			case ComplaintEscalated escalated -> record(deliveryId, escalated.eventId(),
					Alert.complaintMilestone(Alert.Kind.COMPLAINT_ESCALATED, escalated.complaintId(),
							ComplaintMilestone.escalated(escalated.escalatedAt(), escalated.stage(),
									escalated.stageNumber(), escalated.workingDays()),
							null),
					handlerOf(escalated.complaintId(), escalated.handlerId()));
			case ComplaintReassigned reassigned -> record(deliveryId, reassigned.eventId(),
					Alert.complaintMilestone(Alert.Kind.COMPLAINT_REASSIGNED, reassigned.complaintId(),
							ComplaintMilestone.reassigned(reassigned.reassignedAt(), reassigned.previousHandlerId()),
							null),
					reassigned.handlerId());
			default -> log.debug("No notification for {} {}", event.type().wireName(), event.eventId());
		}
	}

	/**
	 * The handler an event names, or else the one last known for the complaint.
	 */
	private String handlerOf(String complaintId, String named) {
		return (named != null && !named.isBlank()) ? named : this.handlers.handlerOf(complaintId).orElse(null);
	}

	/**
	 * Records and sends (or holds) one person's digest for a day.
	 * @return {@code false} if their digest for that day was already recorded
	 */
	public boolean recordDigest(StaffMember member, LocalDate day, List<DigestLine> lines) {
		Instant now = now();
		String id = EventIds.of("notification", "digest", member.id(), day.toString());
		Notification digest = Notification.digest(id, member, day, lines, AlertMailComposer.digestSubject(day), now)
			.claimedUntil(now.plus(this.retry.claimTimeout()));
		if (!this.store.insertIfAbsent(digest)) {
			count(Alert.Kind.DIGEST, "duplicate");
			return false;
		}
		attempt(digest);
		return true;
	}

	/**
	 * Sends a sent or failed notification again as a new notification with the same
	 * content, to the assignee as the directory has them now.
	 * @return the new notification, already attempted once
	 * @throws java.util.NoSuchElementException if there is no such notification
	 * @throws IllegalStateException if it is still pending
	 */
	public Notification resend(String id) {
		Notification original = this.store.findById(id).orElseThrow();
		Instant now = now();
		Notification resent = original.resend(UUID.randomUUID().toString(), this.staff.directory(), now);
		Notification recorded = (resent.status() == Notification.Status.PENDING)
				? resent.claimedUntil(now.plus(this.retry.claimTimeout())) : resent;
		this.store.insertIfAbsent(recorded);
		log.info("Notification {} resent as {}", id, recorded.id());
		if (recorded.status() == Notification.Status.PENDING) {
			return attempt(recorded);
		}
		return recorded;
	}

	/**
	 * Sends the pending notifications whose next attempt is due. Called every
	 * {@code poll-interval}; reads the database only when something is due.
	 */
	public void retryDue() {
		Instant now = now();
		if (!this.timetable.sweepDue(now) || !this.mailer.acceptingMail()) {
			return;
		}
		this.timetable.sweepStarted(now);
		try {
			for (Notification due : this.store.findDue(now, this.retry.batchSize())) {
				// a fresh time per claim: sending the batch before may have taken a while
				Instant claimedAt = now();
				this.store.claim(due.id(), claimedAt, claimedAt.plus(this.retry.claimTimeout()))
					.ifPresent((claimed) -> {
						if (claimed.attempts() > 0) {
							// a notification held for working hours is due for its first
							// try
							this.meters
								.counter("charter.notifications.retries", "kind", claimed.kind().name().toLowerCase())
								.increment();
						}
						attempt(claimed);
					});
			}
			this.store.earliestPendingAttempt().ifPresent(this.timetable::noteDue);
		}
		catch (RuntimeException ex) {
			this.timetable.noteDue(now);
			log.warn("Sending due notifications failed; trying again on the next run", ex);
		}
	}

	public Optional<Notification> find(String id) {
		return this.store.findById(id);
	}

	public List<Notification> list(String recipientStaffId, Notification.Status status, Instant from, int limit) {
		return this.store.list(recipientStaffId, status, from, limit);
	}

	private void record(String deliveryId, String eventId, Alert alert, String assigneeId) {
		Instant now = now();
		Notification planned = Notification.plan(eventId, alert, assigneeId, this.staff.directory(),
				this.composer.subject(alert), now);
		Notification recorded = (planned.status() == Notification.Status.PENDING)
				? planned.claimedUntil(now.plus(this.retry.claimTimeout())) : planned;
		if (!this.store.insertIfAbsent(recorded)) {
			recordSuppressed(planned, deliveryId, now);
			return;
		}
		if (recorded.status() == Notification.Status.FAILED) {
			log.warn("Notification {} ({}) for contact {} cannot be sent: {}", eventId, alert.kind(), alert.contactId(),
					withoutAddresses(recorded.failureReason()));
			count(alert.kind(), "failed");
			return;
		}
		attempt(recorded);
	}

	/**
	 * Keeps a visible trace of a repeated event without sending anything. Its id is
	 * derived from the delivery when known, so a replay of the same Kafka record adds no
	 * second trace.
	 */
	private void recordSuppressed(Notification planned, String deliveryId, Instant now) {
		String suffix = (deliveryId != null) ? EventIds.of("notification", "duplicate", planned.id(), deliveryId)
				: UUID.randomUUID().toString();
		Notification suppressed = planned.suppressedRepeat(planned.id() + DUPLICATE_MARKER + suffix, now);
		if (this.store.insertIfAbsent(suppressed)) {
			log.info("Notification {} for contact {} was already recorded; the repeated event is recorded as {}",
					planned.id(), planned.contactId(), suppressed.id());
			count(planned.kind(), "suppressed");
		}
	}

	private Notification attempt(Notification claimed) {
		Instant opening = heldUntil(claimed.kind(), now());
		if (opening != null) {
			Notification held = claimed
				.held("Outside office hours: held until " + AlertMailComposer.londonTime(opening), opening);
			this.store.save(held);
			this.timetable.noteDue(opening);
			log.info("Notification {} ({}) held until {}", held.id(), held.kind(), opening);
			count(held.kind(), "held");
			return held;
		}
		SendOutcome outcome = this.mailer.send(toMail(claimed));
		Instant now = now();
		Notification attempted = switch (outcome) {
			case SendOutcome.NotAttempted held -> claimed.held(held.reason(), now);
			case SendOutcome.Accepted accepted -> claimed.sent(now);
			case SendOutcome.TemporaryFailure temporary -> claimed.deferred(temporary.reason(), now, this.backoff);
			case SendOutcome.PermanentFailure permanent -> claimed.failed(permanent.reason(), now);
		};
		this.store.save(attempted);
		List<String> staffIds = attempted.recipients().stream().map(Recipient::staffId).toList();
		switch (attempted.status()) {
			case SENT -> {
				log.info("Sent notification {} ({}) for contact {} to staff {} after {} attempt(s)", attempted.id(),
						attempted.kind(), attempted.contactId(), staffIds, attempted.attempts());
				count(attempted.kind(), "sent");
			}
			case PENDING -> {
				this.timetable.noteDue(attempted.nextAttemptAt());
				log.warn("Notification {} ({}) for contact {} not sent, to try again at {}: {}", attempted.id(),
						attempted.kind(), attempted.contactId(), attempted.nextAttemptAt(),
						withoutAddresses(attempted.lastError()));
				count(attempted.kind(), "deferred");
			}
			case FAILED -> {
				log.warn("Notification {} ({}) for contact {} failed for good: {}", attempted.id(), attempted.kind(),
						attempted.contactId(), withoutAddresses(attempted.failureReason()));
				count(attempted.kind(), "failed");
			}
		}
		return attempted;
	}

	/**
	 * When non-urgent mail may go, or {@code null} if now: reminders and deadline changes
	 * within office hours; a digest (which goes at 08:30, before the opening) on the
	 * working day it is for, until the close. Breaches and escalations go at once.
	 */
	private Instant heldUntil(Alert.Kind kind, Instant now) {
		if (!kind.waitsForOfficeHours()) {
			return null;
		}
		LocalDate today = now.atZone(this.calendar.zone()).toLocalDate();
		boolean mayGo = (kind == Alert.Kind.DIGEST)
				? this.calendar.isWorkingDay(today) && now.isBefore(this.calendar.closingTime(today))
				: this.calendar.isOpen(now);
		return mayGo ? null : this.calendar.nextOpening(now);
	}

	private OutgoingMail toMail(Notification notification) {
		List<Recipient> to = notification.recipients(Recipient.Role.TO);
		List<Recipient> cc = notification.recipients(Recipient.Role.CC);
		MailContent content = (notification.kind() == Alert.Kind.DIGEST)
				? this.composer.composeDigest(notification.digestDay(), notification.digestLines(),
						to.getFirst().name())
				: this.composer.compose(notification.alert(), to.getFirst().name(),
						cc.isEmpty() ? null : cc.getFirst().name());
		return new OutgoingMail(notification.messageId(), this.from, to.stream().map(Recipient::address).toList(),
				cc.stream().map(Recipient::address).toList(), content);
	}

	/**
	 * An SMTP reply as it may be logged: servers quote the refused address ("550 5.1.1
	 * &lt;jo@example.org&gt;: unknown user"), and log lines carry no personal data. The
	 * notification itself keeps the full reply for operators ({@code lastError}).
	 */
	static String withoutAddresses(String reply) {
		return (reply != null) ? EMAIL_ADDRESS.matcher(reply).replaceAll("<address>") : null;
	}

	private void count(Alert.Kind kind, String outcome) {
		this.meters.counter("charter.notifications", "kind", kind.name().toLowerCase(), "outcome", outcome).increment();
	}

	private Instant now() {
		// Mongo stores milliseconds: keep the same precision in memory and on the API
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
