package uk.co.healthwatchportsmouth.charter.sla.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolved;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolvedAtFirstContact;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.HoldingReplySent;
import uk.co.healthwatchportsmouth.charter.contracts.InformationReceived;
import uk.co.healthwatchportsmouth.charter.contracts.InformationRequested;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.sla.answerphone.AnswerphoneCheckClocks;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockChanges;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockState;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;

/**
 * Starts a clock for every contact received and follows the contact's life: answered,
 * resolved, a holding reply with a promise (which answers the first response and starts a
 * promised-response clock), waiting for information (paused), reassigned, escalated to a
 * complaint (its open clocks cancelled: the complaint's own clocks take over). Every step
 * is idempotent: clock ids are derived from the contact id (and the promise), and each
 * transition applies only to a clock in the state it expects, so a redelivered event
 * finds the work done and changes nothing.
 */
@Component
public class ContactEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ContactEventHandler.class);

	/**
	 * Why a contact's open clocks stop when it becomes a complaint: the complaint's
	 * acknowledgement clock takes over.
	 */
	static final String SUPERSEDED_BY_COMPLAINT = "SUPERSEDED_BY_COMPLAINT";

	private final CharterStandards standards;

	private final ClockStore store;

	private final ClockChanges changes;

	private final Clock clock;

	private final AnswerphoneCheckClocks answerphoneChecks;

	public ContactEventHandler(CharterStandards standards, ClockStore store, ClockChanges changes, Clock clock,
			AnswerphoneCheckClocks answerphoneChecks) {
		this.standards = standards;
		this.store = store;
		this.changes = changes;
		this.clock = clock;
		this.answerphoneChecks = answerphoneChecks;
	}

	/** Every contact event but a contact received, which is started in batches. */
	private void handle(CharterEvent event) {
		switch (event) {
			case ContactResponded responded ->
				answered(DeadlineClock.idFor(responded.contactId()), responded.respondedAt(), responded.eventId());
			case ContactResolvedAtFirstContact resolved ->
				this.changes.change(DeadlineClock.idFor(resolved.contactId()), resolved.eventId(),
						(clock) -> clock.resolveAtFirstContact(resolved.resolvedAt(), now()));
			case ContactResolved resolved -> resolved(resolved);
			case HoldingReplySent holdingReply -> holdingReplySent(holdingReply);
			case InformationRequested requested -> this.changes.forEachClockOf(requested.contactId(),
					requested.eventId(),
					(clock) -> clock.pause(requested.requestedAt(), now()).map(List::<CharterEvent>of).orElse(null));
			case InformationReceived received -> this.changes.forEachClockOf(received.contactId(), received.eventId(),
					(clock) -> clock.resume(received.receivedAt(), now(), this.standards.calendar())
						.map(List::<CharterEvent>of)
						.orElse(null));
			case AnswerphoneChecked checked -> answerphoneChecked(checked);
			case ContactReassigned reassigned -> this.changes.forEachClockOf(reassigned.contactId(),
					reassigned.eventId(), (clock) -> clock.reassign(reassigned.toAssigneeId()) ? List.of() : null);
			case ContactEscalatedToComplaint escalated ->
				this.changes.forEachClockOf(escalated.contactId(), escalated.eventId(),
						(clock) -> clock.cancel(SUPERSEDED_BY_COMPLAINT, escalated.escalatedAt(), now())
							.map(List::<CharterEvent>of)
							.orElse(null));
			default -> log.debug("Ignoring {} {}: not a contact event", event.type().wireName(), event.eventId());
		}
	}

	/**
	 * Handles events in the order given; the clocks of contacts received one after
	 * another are started with one write (a busy desk logs contacts faster than clocks
	 * can be stored one at a time), every other event on its own.
	 * @throws EventHandlingFailed naming the position of the event that failed; every
	 * event before it has been handled
	 */
	public void handleInOrder(List<CharterEvent> events) {
		List<DeadlineClock.Started> starting = new ArrayList<>();
		int firstStarting = 0;
		for (int position = 0; position < events.size(); position++) {
			CharterEvent event = events.get(position);
			if (event instanceof ContactReceived received) {
				DeadlineClock.Started started;
				try {
					started = startFor(received);
				}
				catch (RuntimeException ex) {
					startAll(starting, firstStarting);
					throw new EventHandlingFailed(position, ex);
				}
				if (starting.isEmpty()) {
					firstStarting = position;
				}
				starting.add(started);
				continue;
			}
			startAll(starting, firstStarting);
			try {
				handle(event);
			}
			catch (RuntimeException ex) {
				throw new EventHandlingFailed(position, ex);
			}
		}
		startAll(starting, firstStarting);
	}

	private void startAll(List<DeadlineClock.Started> starting, int firstPosition) {
		if (starting.isEmpty()) {
			return;
		}
		List<DeadlineClock> started;
		try {
			started = this.changes.startAll(starting);
		}
		catch (RuntimeException ex) {
			// the clocks stored before the failure are found existing when it is retried
			throw new EventHandlingFailed(firstPosition, ex);
		}
		if (started.size() < starting.size()) {
			log.debug("{} of {} clocks existed already; their events change nothing", starting.size() - started.size(),
					starting.size());
		}
		started.forEach(ContactEventHandler::logStarted);
		starting.clear();
	}

	private DeadlineClock.Started startFor(ContactReceived event) {
		Deadline deadline = this.standards.deadlineFor(event.channel(), event.receivedAt())
			.orElseThrow(() -> new MalformedEventException(
					"No charter standard covers channel " + event.channel() + " (event " + event.eventId() + ")"));
		return DeadlineClock.start(event.contactId(), event.assigneeId(), deadline, this.clock.instant());
	}

	private static void logStarted(DeadlineClock started) {
		log.info("Clock {} started for contact {}: {} due {}", started.id(), started.contactId(), started.standard(),
				started.dueAt());
	}

	/** An answer meets (or, late, breaches) the clock; an answered clock ignores it. */
	private void answered(String clockId, Instant answeredAt, String eventId) {
		this.changes.change(clockId, eventId, (clock) -> clock.respond(answeredAt, now()));
	}

	/** A resolution answers every clock of the contact still owed something. */
	private void resolved(ContactResolved event) {
		this.changes.forEachClockOf(event.contactId(), event.eventId(),
				(clock) -> clock.isOpen() ? clock.respond(event.resolvedAt(), now()) : null);
	}

	/**
	 * The holding reply tells the customer why a full answer takes longer and when to
	 * expect it, which is what the charter asks of a first response: it meets the
	 * first-response clock, and a promised-response clock due at the promised instant
	 * takes over. A newer promise supersedes (cancels) the promised clocks before it.
	 */
	private void holdingReplySent(HoldingReplySent event) {
		String promisedId = DeadlineClock.promisedIdFor(event.contactId(), event.promisedBy());
		Optional<DeadlineClock> existing = this.store.find(promisedId);
		if (existing.filter((clock) -> clock.state() == ClockState.CANCELLED).isPresent()) {
			log.debug("Promise {} of contact {} was superseded already; event {} changes nothing", promisedId,
					event.contactId(), event.eventId());
			return;
		}
		String firstResponseId = DeadlineClock.idFor(event.contactId());
		String assigneeId = this.store.find(firstResponseId).map(DeadlineClock::assigneeId).orElse(event.sentBy());
		if (existing.isEmpty()) {
			Standard standard = this.standards.standardNamed(DeadlineClock.PROMISED_RESPONSE)
				.filter((named) -> named.kind() == StandardKind.PROMISED)
				.orElseThrow(() -> new IllegalStateException(
						"charter.sla.standards needs a PROMISED standard named " + DeadlineClock.PROMISED_RESPONSE));
			Deadline deadline;
			try {
				deadline = this.standards.deadline(standard, event.sentAt(), event.promisedBy());
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedEventException(
						"Holding reply " + event.eventId() + " promises an impossible time: " + ex.getMessage());
			}
			DeadlineClock.Started started = DeadlineClock.start(promisedId, event.contactId(), assigneeId, deadline,
					now());
			if (this.changes.start(started)) {
				log.info("Clock {} started for contact {}: {} due {}", promisedId, event.contactId(),
						DeadlineClock.PROMISED_RESPONSE, deadline.dueAt());
			}
		}
		for (DeadlineClock earlier : this.store.findByContact(event.contactId())) {
			if (earlier.standard().equals(DeadlineClock.PROMISED_RESPONSE) && !earlier.id().equals(promisedId)
					&& !earlier.startedAt().isAfter(event.sentAt())) {
				this.changes.change(earlier.id(), event.eventId(),
						(clock) -> clock.cancel("SUPERSEDED_BY_NEW_PROMISE", event.sentAt(), now())
							.map(List::<CharterEvent>of)
							.orElse(null));
			}
		}
		answered(firstResponseId, event.sentAt(), event.eventId());
	}

	/**
	 * A check meets that working day's check clock (created here if the check came before
	 * the clock did); a check on a day off is owed nothing.
	 */
	private void answerphoneChecked(AnswerphoneChecked event) {
		Optional<String> clockId = this.answerphoneChecks
			.ensureClockFor(event.checkedAt().atZone(this.standards.calendar().zone()).toLocalDate());
		if (clockId.isEmpty()) {
			log.info("Answerphone check {} falls on no working day's check; nothing to meet", event.eventId());
			return;
		}
		answered(clockId.get(), event.checkedAt(), event.eventId());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
