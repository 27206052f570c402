package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;

/**
 * The countdown to a contact's first response. It runs until the customer is answered or
 * the deadline passes, with a reminder to the assignee on the way. Its methods return the
 * events they cause; storing the new state and those events together is the caller's job.
 *
 * <p>
 * Instants are kept to the millisecond, the resolution the store keeps, so a clock read
 * back compares equal to the one written (timer conditions depend on it).
 */
public final class DeadlineClock {

	/** What this clock times; part of its deterministic id. */
	public static final String FIRST_RESPONSE = "FIRST_RESPONSE";

	private final String id;

	private final String contactId;

	private final String standard;

	private final String assigneeId;

	private final Instant startedAt;

	private final Instant dueAt;

	private final Instant reminderAt;

	private ClockState state;

	private Instant reminderSentAt;

	private Instant breachedAt;

	private Instant respondedAt;

	private DeadlineClock(String id, String contactId, String standard, String assigneeId, Instant startedAt,
			Instant dueAt, Instant reminderAt, ClockState state, Instant reminderSentAt, Instant breachedAt,
			Instant respondedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.contactId = Objects.requireNonNull(contactId, "contactId");
		this.standard = Objects.requireNonNull(standard, "standard");
		this.assigneeId = assigneeId;
		this.startedAt = millis(Objects.requireNonNull(startedAt, "startedAt"));
		this.dueAt = millis(Objects.requireNonNull(dueAt, "dueAt"));
		this.reminderAt = millis(reminderAt);
		this.state = Objects.requireNonNull(state, "state");
		this.reminderSentAt = millis(reminderSentAt);
		this.breachedAt = millis(breachedAt);
		this.respondedAt = millis(respondedAt);
	}

	/** A clock started for a contact, and the event that announces it. */
	public record Started(DeadlineClock clock, ClockStarted event) {

	}

	public static String idFor(String contactId) {
		return EventIds.of(contactId, FIRST_RESPONSE);
	}

	public static Started start(String contactId, String assigneeId, Deadline deadline, Instant now) {
		DeadlineClock clock = new DeadlineClock(idFor(contactId), contactId, deadline.standard(), assigneeId,
				deadline.startedAt(), deadline.dueAt(), deadline.reminderAt(), ClockState.RUNNING, null, null, null);
		ClockStarted started = new ClockStarted(clock.eventId("started"), millis(now), clock.id, contactId,
				clock.standard, assigneeId, clock.startedAt, clock.dueAt, clock.reminderAt);
		return new Started(clock, started);
	}

	/** Rebuilds a clock from what was stored. */
	public static DeadlineClock restore(String id, String contactId, String standard, String assigneeId,
			Instant startedAt, Instant dueAt, Instant reminderAt, ClockState state, Instant reminderSentAt,
			Instant breachedAt, Instant respondedAt) {
		return new DeadlineClock(id, contactId, standard, assigneeId, startedAt, dueAt, reminderAt, state,
				reminderSentAt, breachedAt, respondedAt);
	}

	/**
	 * The timer that fires next, if any: the reminder until it has been sent, then the
	 * breach. A clock that is no longer running has none.
	 */
	public Optional<Timer> pendingTimer() {
		if (this.state != ClockState.RUNNING) {
			return Optional.empty();
		}
		if (this.reminderAt != null && this.reminderSentAt == null) {
			return Optional.of(new Timer(TimerKind.REMINDER, this.reminderAt));
		}
		return Optional.of(new Timer(TimerKind.BREACH, this.dueAt));
	}

	/**
	 * Fires the pending timer.
	 * @throws IllegalStateException when the timer is not the pending one or is not yet
	 * due: a timer never fires early or twice
	 */
	public CharterEvent fire(Timer timer, Instant now) {
		if (!pendingTimer().filter(timer::equals).isPresent()) {
			throw new IllegalStateException("Timer " + timer + " is not pending on clock " + this.id + " (" + this.state
					+ ", pending " + pendingTimer().orElse(null) + ")");
		}
		if (!timer.isDueAt(now)) {
			throw new IllegalStateException("Timer " + timer + " is not due at " + now);
		}
		return switch (timer.kind()) {
			case REMINDER -> fireReminder(now);
			case BREACH -> fireBreach(now);
		};
	}

	private ReminderDue fireReminder(Instant now) {
		this.reminderSentAt = millis(now);
		return new ReminderDue(eventId("reminder"), this.reminderSentAt, this.id, this.contactId, this.standard,
				this.assigneeId, this.dueAt, this.reminderAt, this.reminderSentAt);
	}

	private Breached fireBreach(Instant now) {
		this.state = ClockState.BREACHED;
		this.breachedAt = millis(now);
		return new Breached(eventId("breached"), this.breachedAt, this.id, this.contactId, this.standard,
				this.assigneeId, this.dueAt, this.dueAt, this.breachedAt);
	}

	/**
	 * Records that the customer was answered at {@code respondedAt}. An answer by the
	 * deadline meets the clock. An answer after it, on a clock whose breach timer has not
	 * fired yet (the service was down, or the answer was logged late), breaches it first,
	 * since that fact must be told; on a breached clock it changes the state only. A
	 * clock already answered ignores further answers.
	 */
	public List<CharterEvent> respond(Instant respondedAt, Instant now) {
		Instant answeredAt = millis(Objects.requireNonNull(respondedAt, "respondedAt"));
		return switch (this.state) {
			case MET, MET_AFTER_BREACH -> List.of();
			case BREACHED -> {
				this.state = ClockState.MET_AFTER_BREACH;
				this.respondedAt = answeredAt;
				yield List.of();
			}
			case RUNNING -> {
				if (!answeredAt.isAfter(this.dueAt)) {
					this.state = ClockState.MET;
					this.respondedAt = answeredAt;
					yield List.of(new Met(eventId("met"), millis(now), this.id, this.contactId, this.standard,
							this.assigneeId, this.dueAt, answeredAt));
				}
				Breached breached = fireBreach(now);
				this.state = ClockState.MET_AFTER_BREACH;
				this.respondedAt = answeredAt;
				yield List.of(breached);
			}
		};
	}

	private String eventId(String fact) {
		return EventIds.of(this.id, fact);
	}

	private static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	public String id() {
		return this.id;
	}

	public String contactId() {
		return this.contactId;
	}

	public String standard() {
		return this.standard;
	}

	public String assigneeId() {
		return this.assigneeId;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant dueAt() {
		return this.dueAt;
	}

	public Optional<Instant> reminderAt() {
		return Optional.ofNullable(this.reminderAt);
	}

	public ClockState state() {
		return this.state;
	}

	public Optional<Instant> reminderSentAt() {
		return Optional.ofNullable(this.reminderSentAt);
	}

	public Optional<Instant> breachedAt() {
		return Optional.ofNullable(this.breachedAt);
	}

	public Optional<Instant> respondedAt() {
		return Optional.ofNullable(this.respondedAt);
	}

}
