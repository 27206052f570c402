package uk.co.healthwatchportsmouth.charter.sla.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintAcknowledged;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintClosed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalationResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintExtensionAgreed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintSignposted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintWithdrawn;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockChanges;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.sla.standard.ReminderRule;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;

/**
 * Keeps a complaint's deadlines: acknowledgement within the charter's working days of
 * receipt (met by the acknowledgement, or for a complaint about a provider by the
 * signposting), the response within the procedure's working days of the acknowledgement,
 * and each escalation stage's response within that stage's working days. An extension
 * agreed with the complainant moves the deadline of the response it is about; closing or
 * withdrawing the complaint cancels whatever is still open.
 *
 * <p>
 * Idempotent like the contact handler: clock ids derive from the complaint id (and the
 * stage), each transition applies only to a clock in the state it expects, so a
 * redelivered event finds the work done and changes nothing.
 */
@Component
public class ComplaintEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ComplaintEventHandler.class);

	private final CharterStandards standards;

	private final ClockChanges clocks;

	private final Clock clock;

	ComplaintEventHandler(CharterStandards standards, ClockChanges clocks, Clock clock) {
		this.standards = standards;
		this.clocks = clocks;
		this.clock = clock;
	}

	public void handle(CharterEvent event) {
		switch (event) {
			case ComplaintReceived received -> received(received);
			case ComplaintAcknowledged acknowledged -> acknowledged(acknowledged);
			case ComplaintSignposted signposted ->
				respond(ComplaintClocks.acknowledgementIdFor(signposted.complaintId()), signposted.signpostedAt(),
						signposted.eventId());
			case ComplaintResponded responded -> respond(ComplaintClocks.responseIdFor(responded.complaintId()),
					responded.respondedAt(), responded.eventId());
			case ComplaintEscalated escalated -> escalated(escalated);
			case ComplaintEscalationResponded responded ->
				respond(ComplaintClocks.escalationIdFor(responded.complaintId(), responded.stage()),
						responded.respondedAt(), responded.eventId());
			case ComplaintExtensionAgreed extension -> extensionAgreed(extension);
			case ComplaintClosed closed ->
				cancelOpenClocks(closed.complaintId(), "COMPLAINT_CLOSED", closed.closedAt(), closed.eventId());
			case ComplaintWithdrawn withdrawn -> cancelOpenClocks(withdrawn.complaintId(), "COMPLAINT_WITHDRAWN",
					withdrawn.withdrawnAt(), withdrawn.eventId());
			case ComplaintReassigned reassigned -> this.clocks.forEachClockOf(reassigned.complaintId(),
					reassigned.eventId(), (clock) -> clock.reassign(reassigned.handlerId()) ? List.of() : null);
			default -> log.debug("{} {} changes no clock", event.type().wireName(), event.eventId());
		}
	}

	private void received(ComplaintReceived event) {
		Standard standard = standard(ComplaintClocks.ACKNOWLEDGEMENT);
		start(ComplaintClocks.acknowledgementIdFor(event.complaintId()), event.complaintId(), event.handlerId(),
				standard, event.receivedAt(), null, event.eventId());
	}

	/** The acknowledgement meets its clock and starts the response clock. */
	private void acknowledged(ComplaintAcknowledged event) {
		String acknowledgementId = ComplaintClocks.acknowledgementIdFor(event.complaintId());
		respond(acknowledgementId, event.acknowledgedAt(), event.eventId());
		String handlerId = handlerOr(event.handlerId(), acknowledgementId);
		start(ComplaintClocks.responseIdFor(event.complaintId()), event.complaintId(), handlerId,
				standard(ComplaintClocks.RESPONSE), event.acknowledgedAt(), event.responseWorkingDays(),
				event.eventId());
	}

	private void escalated(ComplaintEscalated event) {
		String handlerId = handlerOr(event.handlerId(), ComplaintClocks.responseIdFor(event.complaintId()));
		start(ComplaintClocks.escalationIdFor(event.complaintId(), event.stage()), event.complaintId(), handlerId,
				standard(ComplaintClocks.ESCALATION), event.escalatedAt(), event.workingDays(), event.eventId());
	}

	/**
	 * Moves the deadline of the response the extension is about (the first response, or
	 * the stage's) to the close of business of the agreed date, whether or not that is a
	 * working day: it is the date the complainant was told. Reminders are planned afresh
	 * from the agreement to the new deadline. See
	 * {@link DeadlineClock#moveDeadlineByAgreement} for a clock already breached.
	 */
	private void extensionAgreed(ComplaintExtensionAgreed event) {
		String clockId = (event.stage() == null) ? ComplaintClocks.responseIdFor(event.complaintId())
				: ComplaintClocks.escalationIdFor(event.complaintId(), event.stage());
		WorkingCalendar calendar = this.standards.calendar();
		LocalDate newDueDate = event.newDueDate();
		Instant newDueAt = calendar.closingTime(newDueDate);
		String reason = "Extension agreed with the complainant: "
				+ ((event.stage() == null) ? "response" : "response at stage " + event.stage()) + " now due "
				+ newDueDate;
		this.clocks.change(clockId, event.eventId(), (clock) -> {
			if (!newDueAt.isAfter(clock.startedAt())) {
				throw new MalformedEventException("Extension " + event.eventId() + " agrees a date (" + newDueDate
						+ ") before the clock started at " + clock.startedAt());
			}
			ReminderRule rule = this.standards.standardNamed(clock.standard())
				.map(Standard::reminders)
				.orElse(ReminderRule.DEFAULT);
			Instant planFrom = event.agreedAt().isAfter(clock.startedAt()) ? event.agreedAt() : clock.startedAt();
			List<Instant> reminders = (planFrom.isBefore(newDueAt))
					? CharterStandards.reminders(calendar, rule, planFrom, newDueAt) : List.of();
			return clock.moveDeadlineByAgreement(newDueAt, reminders, reason, now(), calendar)
				.map(List::<CharterEvent>of)
				.orElse(null);
		});
	}

	private void cancelOpenClocks(String complaintId, String reasonCode, Instant at, String eventId) {
		this.clocks.forEachClockOf(complaintId, eventId,
				(clock) -> clock.cancel(reasonCode, at, now()).map(List::<CharterEvent>of).orElse(null));
	}

	/** An answer meets (or, late, breaches) the clock; an answered clock ignores it. */
	private void respond(String clockId, Instant respondedAt, String eventId) {
		this.clocks.change(clockId, eventId, (clock) -> clock.respond(respondedAt, now()));
	}

	/**
	 * Starts a working-days clock.
	 * @param workingDays the working days the event gives, or {@code null} for the
	 * standard's; a number below one is not a timescale, and the standard's is used
	 */
	private void start(String clockId, String complaintId, String assigneeId, Standard standard, Instant from,
			Integer workingDays, String eventId) {
		Integer given = workingDays;
		if (given != null && given < 1) {
			log.warn("Event {} gives {} working days for {}; the standard's {} apply", eventId, given, standard.name(),
					standard.workingDays());
			given = null;
		}
		Standard rule = (given != null) ? standard.withWorkingDays(given) : standard;
		Deadline deadline = this.standards.deadline(rule, from, null);
		DeadlineClock.Started started = DeadlineClock.start(clockId, complaintId, assigneeId, deadline, given, now());
		if (!this.clocks.start(started)) {
			log.debug("Clock {} for complaint {} already exists; event {} changes nothing", clockId, complaintId,
					eventId);
			return;
		}
		log.info("Clock {} started for complaint {}: {} due {}", clockId, complaintId, standard.name(),
				deadline.dueAt());
	}

	private String handlerOr(String handlerId, String clockIdToAsk) {
		if (handlerId != null) {
			return handlerId;
		}
		return this.clocks.find(clockIdToAsk).map(DeadlineClock::assigneeId).orElse(null);
	}

	private Standard standard(String name) {
		return this.standards.standardNamed(name)
			.filter((standard) -> standard.kind() == StandardKind.WORKING_DAYS)
			.orElseThrow(() -> new IllegalStateException(
					"charter.sla.standards needs a WORKING_DAYS standard named " + name));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
