package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.notification.mail.Alert;
import uk.co.healthwatchportsmouth.charter.notification.mail.AlertMailComposer;
import uk.co.healthwatchportsmouth.charter.notification.mail.MailContent;
import uk.co.healthwatchportsmouth.charter.notification.mail.OutgoingMail;
import uk.co.healthwatchportsmouth.charter.notification.mail.SendOutcome;
import uk.co.healthwatchportsmouth.charter.notification.mail.SmtpMailer;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffDirectory;

/**
 * Turns SLA events into emails: records the notification first (its id is the event id,
 * so a redelivered event records nothing and sends nothing), then sends it, and sends
 * again later whatever failed for a temporary reason.
 */
public class NotificationDelivery {

	private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

	private final NotificationStore store;

	private final StaffDirectory staff;

	private final AlertMailComposer composer;

	private final SmtpMailer mailer;

	private final String from;

	private final RetryProperties retry;

	private final Backoff backoff;

	private final RetryTimetable timetable;

	private final Clock clock;

	private final MeterRegistry meters;

	NotificationDelivery(NotificationStore store, StaffDirectory staff, AlertMailComposer composer, SmtpMailer mailer,
			String from, RetryProperties retry, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.staff = staff;
		this.composer = composer;
		this.mailer = mailer;
		this.from = from;
		this.retry = retry;
		this.backoff = retry.backoff();
		this.timetable = new RetryTimetable(retry.fullSweepInterval());
		this.clock = clock;
		this.meters = meters;
	}

	/** Reminders and breaches become emails; other events need none. */
	public void handle(CharterEvent event) {
		switch (event) {
			case ReminderDue reminder -> record(reminder.eventId(), new Alert(Alert.Kind.REMINDER, reminder.contactId(),
					reminder.clockId(), reminder.standard(), reminder.dueAt()), reminder.assigneeId());
			case Breached breach -> record(breach.eventId(), new Alert(Alert.Kind.BREACH, breach.contactId(),
					breach.clockId(), breach.standard(), breach.dueAt()), breach.assigneeId());
			default -> log.debug("No notification for {} {}", event.type().wireName(), event.eventId());
		}
	}

	/**
	 * Sends the pending notifications whose next attempt is due. Called every
	 * {@code poll-interval}; reads the database only when something is due.
	 */
	public void retryDue() {
		Instant now = now();
		if (!this.timetable.sweepDue(now)) {
			return;
		}
		this.timetable.sweepStarted(now);
		try {
			for (Notification due : this.store.findDue(now, this.retry.batchSize())) {
				// a fresh time per claim: sending the batch before may have taken a while
				Instant claimedAt = now();
				this.store.claim(due.id(), claimedAt, claimedAt.plus(this.retry.claimTimeout()))
					.ifPresent(this::attempt);
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

	public List<Notification> list(String recipientStaffId, Notification.Status status, int limit) {
		return this.store.list(recipientStaffId, status, limit);
	}

	private void record(String eventId, Alert alert, String assigneeId) {
		Instant now = now();
		Notification planned = Notification.plan(eventId, alert, assigneeId, this.staff, this.composer.subject(alert),
				now);
		Notification recorded = (planned.status() == Notification.Status.PENDING)
				? planned.claimedUntil(now.plus(this.retry.claimTimeout())) : planned;
		if (!this.store.insertIfAbsent(recorded)) {
			log.info("Notification {} for contact {} was already recorded; ignoring the repeated event", eventId,
					alert.contactId());
			count(alert.kind(), "duplicate");
			return;
		}
		if (recorded.status() == Notification.Status.FAILED) {
			log.warn("Notification {} ({}) for contact {} cannot be sent: {}", eventId, alert.kind(), alert.contactId(),
					recorded.failureReason());
			count(alert.kind(), "failed");
			return;
		}
		attempt(recorded);
	}

	private void attempt(Notification claimed) {
		SendOutcome outcome = this.mailer.send(toMail(claimed));
		Instant now = now();
		Notification attempted = switch (outcome) {
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
				log.warn("Notification {} ({}) for contact {} not sent, trying again at {}: {}", attempted.id(),
						attempted.kind(), attempted.contactId(), attempted.nextAttemptAt(), attempted.lastError());
				count(attempted.kind(), "deferred");
			}
			case FAILED -> {
				log.warn("Notification {} ({}) for contact {} failed for good: {}", attempted.id(), attempted.kind(),
						attempted.contactId(), attempted.failureReason());
				count(attempted.kind(), "failed");
			}
		}
	}

	private OutgoingMail toMail(Notification notification) {
		List<Recipient> to = notification.recipients(Recipient.Role.TO);
		List<Recipient> cc = notification.recipients(Recipient.Role.CC);
		MailContent content = this.composer.compose(notification.alert(), to.getFirst().name(),
				cc.isEmpty() ? null : cc.getFirst().name());
		return new OutgoingMail(notification.messageId(), this.from, to.stream().map(Recipient::address).toList(),
				cc.stream().map(Recipient::address).toList(), content);
	}

	private void count(Alert.Kind kind, String outcome) {
		this.meters.counter("charter.notifications", "kind", kind.name().toLowerCase(), "outcome", outcome).increment();
	}

	private Instant now() {
		// Mongo stores milliseconds: keep the same precision in memory and on the API
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
