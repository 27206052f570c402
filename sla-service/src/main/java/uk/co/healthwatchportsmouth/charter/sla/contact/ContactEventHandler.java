package uk.co.healthwatchportsmouth.charter.sla.contact;

import java.time.Clock;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockVersion;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerScheduler;

/**
 * Starts a clock for every contact received and stops it when the contact is answered.
 * Both are idempotent: the clock id is derived from the contact id, so a redelivered
 * event finds the clock already there, or already answered, and changes nothing.
 */
@Component
public class ContactEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ContactEventHandler.class);

	/**
	 * Tries before giving a response up to the binder's retries: a timer may keep firing.
	 */
	private static final int ATTEMPTS = 3;

	private final CharterStandards standards;

	private final ClockStore store;

	private final TimerScheduler scheduler;

	private final Clock clock;

	public ContactEventHandler(CharterStandards standards, ClockStore store, TimerScheduler scheduler, Clock clock) {
		this.standards = standards;
		this.store = store;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	public void handle(CharterEvent event) {
		switch (event) {
			case ContactReceived received -> received(received);
			case ContactResponded responded -> responded(responded);
			default -> log.debug("Ignoring {} {}: not a contact event", event.type().wireName(), event.eventId());
		}
	}

	private void received(ContactReceived event) {
		Deadline deadline = this.standards.deadlineFor(event.channel(), event.receivedAt())
			.orElseThrow(() -> new MalformedEventException(
					"No charter standard covers channel " + event.channel() + " (event " + event.eventId() + ")"));
		DeadlineClock.Started started = DeadlineClock.start(event.contactId(), event.assigneeId(), deadline,
				this.clock.instant());
		DeadlineClock deadlineClock = started.clock();
		if (!this.store.insert(deadlineClock, started.event())) {
			log.debug("Clock {} for contact {} already exists; event {} changes nothing", deadlineClock.id(),
					event.contactId(), event.eventId());
			return;
		}
		deadlineClock.pendingTimer()
			.ifPresent((timer) -> this.scheduler.schedule(new ClockTimer(deadlineClock.id(), timer)));
		log.info("Clock {} started for contact {}: {} due {}", deadlineClock.id(), event.contactId(),
				deadline.standard(), deadline.dueAt());
	}

	private void responded(ContactResponded event) {
		String clockId = DeadlineClock.idFor(event.contactId());
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<DeadlineClock> stored = this.store.find(clockId);
			if (stored.isEmpty()) {
				log.info("No clock for contact {}; response {} has nothing to stop", event.contactId(),
						event.eventId());
				return;
			}
			DeadlineClock deadlineClock = stored.get();
			ClockVersion before = ClockVersion.of(deadlineClock);
			List<CharterEvent> caused = deadlineClock.respond(event.respondedAt(), this.clock.instant());
			if (deadlineClock.state() == before.state() && caused.isEmpty()) {
				return;
			}
			if (this.store.update(before, deadlineClock, caused)) {
				log.info("Clock {} for contact {} is {}", clockId, event.contactId(), deadlineClock.state());
				return;
			}
		}
		throw new ConcurrentModificationException(
				"Clock " + clockId + " kept changing while response " + event.eventId() + " was applied");
	}

}
